using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Tests.Properties;

/// <summary>
/// The webhook verifier and event reader on deliveries nobody wrote: bodies broken or of the wrong
/// types, signatures with a bit flipped or none at all. Every failure is a
/// <see cref="RealtimeKitWebhookException"/> that says which; nothing else ever comes out.
/// </summary>
public sealed class WebhookProperties : IDisposable
{
    private static readonly string[] _samples = RealtimeKitWebhookEvent.KnownTypes.Keys.Select(name => RealtimeKitSampleEvents.Json(new WebhookEvent(name))).ToArray();

    private readonly RSA _key = RSA.Create(2048);
    private readonly RealtimeKitWebhookVerifier _verifier;

    public WebhookProperties() => _verifier = new RealtimeKitWebhookVerifier(new RealtimeKitWebhookOptions { PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem() });

    public static Arbitrary<byte[]> Bodies { get; } = Arb.From(Inputs.BrokenFrom(_samples));

    /// <summary>A sample event with one value anywhere in it replaced by a value of another JSON type.</summary>
    public static Arbitrary<string> WrongTypes { get; } = Arb.From(
        from sample in Gen.Elements(_samples)
        from pick in Gen.Choose(0, 1000)
        from replacement in Gen.Elements<JToken>(JValue.CreateNull(), new JValue(42), new JValue(-1.5e300), new JValue(true), new JValue("text"), new JValue(""), new JArray(1, "a"), new JObject { ["x"] = 1 }, new JValue("2024-13-45T99:99:99Z"), new JValue("not-a-uuid"))
        select Replace(sample, pick, replacement));

    [Property(MaxTest = 300, Arbitrary = [typeof(WebhookProperties)])]
    public void The_event_reader_reads_an_event_or_says_the_body_is_unreadable(byte[] body)
    {
        var outcome = Bounded.Run(() => Read(body), ErrorBodyProperties.AllocationBound(body), "RealtimeKitWebhookEventReader.Read");

        Assert.True(outcome is RealtimeKitWebhookEvent or RealtimeKitWebhookException { Failure: RealtimeKitWebhookFailure.UnreadableBody }, outcome.ToString());
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(WebhookProperties)])]
    public void A_field_of_the_wrong_type_never_throws_anything_but_an_unreadable_body(string json)
    {
        var outcome = Read(Encoding.UTF8.GetBytes(json));

        Assert.True(outcome is RealtimeKitWebhookEvent or RealtimeKitWebhookException { Failure: RealtimeKitWebhookFailure.UnreadableBody }, outcome.ToString());
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(WebhookProperties)])]
    public async Task A_signed_body_verifies_and_any_flipped_bit_of_it_or_its_signature_is_refused(byte[] body, NonNegativeInt at, byte bit, bool inSignature)
    {
        var signature = _key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var verified = await Bounded.RunAsync(() => VerifyAsync(body, Convert.ToBase64String(signature)), "VerifyAsync");
        if (body.Length > _verifier.Options.MaxBodyBytes)
        {
            Assert.Equal(RealtimeKitWebhookFailure.BodyTooLarge, Assert.IsType<RealtimeKitWebhookException>(verified).Failure);
            return;
        }

        Assert.True(verified is RealtimeKitWebhookDelivery or RealtimeKitWebhookException { Failure: RealtimeKitWebhookFailure.UnreadableBody }, verified.ToString());

        var flipped = (byte[])(inSignature || body.Length == 0 ? signature : body).Clone();
        flipped[at.Get % flipped.Length] ^= (byte)(1 << (bit % 8));
        var tampered = flipped.Length == signature.Length && (inSignature || body.Length == 0)
            ? await VerifyAsync(body, Convert.ToBase64String(flipped))
            : await VerifyAsync(flipped, Convert.ToBase64String(signature));
        Assert.Equal(RealtimeKitWebhookFailure.InvalidSignature, Assert.IsType<RealtimeKitWebhookException>(tampered).Failure);
    }

    [Property(MaxTest = 200)]
    public async Task Any_signature_header_is_refused_with_a_reason(string? header)
    {
        var outcome = await VerifyAsync(Encoding.UTF8.GetBytes(_samples[0]), header);

        var refused = Assert.IsType<RealtimeKitWebhookException>(outcome);
        Assert.Contains(refused.Failure, new[] { RealtimeKitWebhookFailure.MissingSignature, RealtimeKitWebhookFailure.MalformedSignature, RealtimeKitWebhookFailure.InvalidSignature });
    }

    public void Dispose() => _key.Dispose();

    private static object Read(byte[] body)
    {
        try
        {
            return RealtimeKitWebhookEventReader.Read(body);
        }
        catch (RealtimeKitWebhookException ex)
        {
            return ex;
        }
    }

    private async Task<object> VerifyAsync(byte[] body, string? signature)
    {
        try
        {
            return await _verifier.VerifyAsync(body, signature, "delivery", "webhook");
        }
        catch (RealtimeKitWebhookException ex)
        {
            return ex;
        }
    }

    private static string Replace(string sample, int pick, JToken replacement)
    {
        var json = JObject.Parse(sample);
        var values = json.DescendantsAndSelf().OfType<JValue>().ToList();
        if (values.Count > 0)
        {
            values[pick % values.Count].Replace(replacement.DeepClone());
        }

        return json.ToString(Newtonsoft.Json.Formatting.None);
    }
}
