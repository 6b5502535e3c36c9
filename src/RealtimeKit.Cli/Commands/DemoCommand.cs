using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeKit.Generated;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Cli;

/// <summary>
/// <c>realtimekit demo</c>: starts an embedded sandbox and walks through the API with the
/// library as a service would use it, showing each request and its result. No account needed.
/// </summary>
internal static class DemoCommand
{
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    private const string App = "5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df"; // real app ids are UUIDs

    public static Command Create(CliEnvironment environment, GlobalOptions globals)
    {
        var telemetry = new Option<bool>("--telemetry") { Description = "Also print the OpenTelemetry spans and measurements of every call and delivery (console exporter)" };
        var command = new Command("demo", "Walk through the webhooks operations, a meeting with a participant and its simulated, signed events against an embedded sandbox (no Cloudflare account needed)") { telemetry };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(environment, parse.GetValue(globals.Verbose), ct, async () =>
        {
            using var exporter = parse.GetValue(telemetry) ? DemoTelemetry.Start(environment.Output) : null;
            await RunAsync(environment, ct);
        }));
        return command;
    }

    private static async Task RunAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        var printer = new WebhookPrinter(environment, json: false);
        await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions
        {
            OnRequest = request =>
            {
                output.WriteLine($"  -> {request.Method} {request.Path}");
                if (request.Body is { } body)
                {
                    output.WriteLine($"     {body}");
                }

                output.WriteLine($"  <- {request.StatusCode} {Shorten(request.ResponseBody)}");
            },
        });
        output.WriteLine($"Started an embedded RealtimeKit sandbox at {sandbox.BaseAddress}");
        output.WriteLine($"The client is registered with AddRealtimeKit, as a service would do it (account '{Account}', app '{App}').");

        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = sandbox.ApiToken;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWebhooksClient>();

        Step(output, 1, "List the app's webhooks (none yet)");
        printer.Print((await client.ListWebhooksAsync(Account, App, cancellationToken)).Data);

        Step(output, 2, "Add a webhook for every event");
        var added = (await client.AddWebhookAsync(Account, App, new AddWebhookRequest
        {
            Name = "All events webhook",
            Url = new Uri("https://hooks.example.com/realtimekit"),
            Events = [.. WebhookEvent.KnownValues],
        }, cancellationToken)).Data;
        printer.Print(added);

        Step(output, 3, "Disable it (an edit sends only what changes)");
        printer.Print((await client.EditWebhookAsync(Account, App, added.Id, new EditWebhookRequest { Enabled = false }, cancellationToken)).Data);

        Step(output, 4, "Get it back");
        printer.Print((await client.GetWebhookAsync(Account, App, added.Id, cancellationToken)).Data);

        Step(output, 5, "Replace all of its details");
        printer.Print((await client.ReplaceWebhookAsync(Account, App, added.Id, new ReplaceWebhookRequest
        {
            Name = "Recordings and transcripts",
            Url = new Uri("https://hooks.example.com/media"),
            Events = [WebhookEvent.RecordingStatusUpdate, WebhookEvent.MeetingTranscript],
            Enabled = true,
        }, cancellationToken)).Data);

        Step(output, 6, "List every event name the service supports");
        printer.Print((await client.ListWebhookEventsAsync(Account, App, cancellationToken)).Data);

        Step(output, 7, "Delete it");
        printer.Print((await client.DeleteWebhookAsync(Account, App, added.Id, cancellationToken)).Data);

        Step(output, 8, "Call with a wrong token: a typed exception, and the token is in no message");
        var wrong = new ServiceCollection();
        wrong.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = "not-the-sandbox-token";
        });
        await using (var wrongProvider = wrong.BuildServiceProvider())
        {
            try
            {
                await wrongProvider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync(Account, App, cancellationToken);
                throw new InvalidOperationException("The sandbox accepted a wrong token.");
            }
            catch (RealtimeKitUnauthorizedException ex)
            {
                output.WriteLine($"  {ex.GetType().Name}: {ex.Message}");
                output.WriteLine($"  StatusCode = {ex.StatusCode}, ApiMessage = {ex.ApiMessage}");
            }
        }

        Step(output, 9, "Receive signed events: a local endpoint with MapRealtimeKitWebhooks, fed by the sandbox");
        await DeliverToLocalReceiverAsync(output, sandbox, provider.GetRequiredService<IRealtimeKitClient>(), cancellationToken);

        output.WriteLine();
        output.WriteLine($"Demo finished: {sandbox.Requests.Count} requests, every one answered as the API document says.");
    }

    private static async Task DeliverToLocalReceiverAsync(TextWriter output, RealtimeKitSandbox sandbox, IRealtimeKitClient client, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRealtimeKitWebhooks(options => options.PublicKeyUrl = sandbox.PublicKeyUrl);
        builder.Services.AddRealtimeKitWebhookDeduplication();
        await using var app = builder.Build();
        var received = new System.Collections.Concurrent.ConcurrentQueue<RealtimeKitWebhookDelivery>();
        app.MapRealtimeKitWebhooks("/realtimekit/webhooks", (delivery, context) =>
        {
            received.Enqueue(delivery);
            return Task.CompletedTask;
        });
        await app.StartAsync(cancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var url = new Uri(new Uri(address), "/realtimekit/webhooks");
            output.WriteLine($"  Receiver listening at {url}; it verifies rtk-signature with the key from {sandbox.PublicKeyUrl}");
            await client.Webhooks.AddWebhookAsync(Account, App, new AddWebhookRequest { Name = "Local receiver", Url = url, Events = [.. WebhookEvent.KnownValues] }, cancellationToken);

            Step(output, 10, "Create a meeting");
            var meeting = (await client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Weekly sync", RecordOnStart = true }, cancellationToken)).Data
                ?? throw new InvalidOperationException("The sandbox answered the new meeting without data.");
            output.WriteLine($"  Meeting {meeting.Id} '{meeting.Title}' ({meeting.Status})");

            Step(output, 11, "Add a participant: the answer carries the auth token a front end joins with");
            var participant = (await client.Meetings.AddParticipantAsync(Account, App, meeting.Id, new AddParticipantRequest
            {
                CustomParticipantId = "user-1815",
                PresetName = "group_call_host",
                Name = "Ada Lovelace",
            }, cancellationToken)).Data;
            var token = participant?.Token ?? string.Empty;
            output.WriteLine($"  Participant {participant?.Id} '{participant?.Name}', token {token[..Math.Min(12, token.Length)]}… ({token.Length} characters)");

            Step(output, 12, "Simulate the meeting: the sandbox plays its life and delivers each event, signed, to the receiver");
            var simulation = await sandbox.SimulateMeetingAsync(Account, App, meeting.Id, cancellationToken: cancellationToken);
            output.WriteLine($"  Session {simulation.SessionId}: {string.Join(", ", simulation.Events)}");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (received.Count < simulation.Events.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken);
            }

            foreach (var delivery in received)
            {
                output.WriteLine($"  Handler got a verified {delivery.Event.GetType().Name} (rtk-uuid {delivery.DeliveryId})");
            }

            if (received.Count < simulation.Events.Count)
            {
                throw new InvalidOperationException($"The receiver got {received.Count} of {simulation.Events.Count} events.");
            }
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static void Step(TextWriter output, int number, string title)
    {
        output.WriteLine();
        output.WriteLine($"{number}. {title}");
    }

    private static string Shorten(string body) => body.Length <= 160 ? body : body[..157] + "...";
}
