using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>Apps, meetings, participants and presets in the sandbox: state per account and app, the real API's semantics.</summary>
public sealed class SandboxResourceTests : IAsyncDisposable
{
    private const string Account = "acc";
    private const string App = "app";
    private readonly SandboxClient _fixture = new();

    private RealtimeKitSandbox Sandbox => _fixture.Sandbox;

    private IRealtimeKitClient Client => _fixture.Client;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_meeting_is_created_201_with_an_id_and_timestamps_and_read_back()
    {
        var created = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Weekly sync", RecordOnStart = true })).Data!;

        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal("Weekly sync", created.Title);
        Assert.True(created.RecordOnStart);
        Assert.False(created.PersistChat);
        Assert.Equal(MeetingStatus.Active, created.Status);
        Assert.Equal(created.CreatedAt, created.UpdatedAt);
        Assert.Equal(201, Sandbox.Requests[^1].StatusCode);

        var read = (await Client.Meetings.GetMeetingAsync(Account, App, created.Id)).Data!;
        Assert.Equal(created.Id, read.Id);
        Assert.Equal("Weekly sync", read.Title);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Meetings.GetMeetingAsync(Account, "other-app", created.Id));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Meetings.GetMeetingAsync(Account, App, Guid.NewGuid()));
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_and_replace_resets_the_rest()
    {
        var id = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "t", PersistChat = true })).Data!.Id;

        var updated = (await Client.Meetings.UpdateMeetingAsync(Account, App, id, new UpdateMeetingRequest { Status = MeetingStatus.Inactive })).Data!;
        Assert.Equal("t", updated.Title);
        Assert.True(updated.PersistChat);
        Assert.Equal(MeetingStatus.Inactive, updated.Status);

        var replaced = (await Client.Meetings.ReplaceMeetingAsync(Account, App, id, new ReplaceMeetingRequest { Title = "r" })).Data!;
        Assert.Equal("r", replaced.Title);
        Assert.False(replaced.PersistChat);
        Assert.Equal(MeetingStatus.Inactive, replaced.Status);
    }

    [Fact]
    public async Task An_explicit_null_clears_a_nullable_field_and_a_missing_one_leaves_it()
    {
        var id = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "t" })).Data!.Id;
        var participant = (await Client.Meetings.AddParticipantAsync(Account, App, id, new AddParticipantRequest { CustomParticipantId = "u1", PresetName = "host", Name = "Ana" })).Data!;

        var (status, body) = await SendAsync("PATCH", $"{id}/participants/{participant.Id}", "{\"name\":null}");
        Assert.Equal(200, status);
        Assert.Null(body["data"]!["name"]);
        Assert.Equal("host", (string?)body["data"]!["preset_name"]);

        (status, body) = await SendAsync("PATCH", $"{id}/participants/{participant.Id}", "{\"picture\":\"https://e.com/p.png\"}");
        Assert.Equal(200, status);
        Assert.Equal("https://e.com/p.png", (string?)body["data"]!["picture"]);
        Assert.Null(body["data"]!["name"]);
    }

    [Fact]
    public async Task List_pages_by_page_no_and_per_page()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "m" + i });
        }

        await Client.Meetings.CreateMeetingAsync(Account, "other", new CreateMeetingRequest { Title = "elsewhere" });

        var page = await Client.Meetings.ListMeetingsAsync(Account, App, pageNo: 2, perPage: 2);
        Assert.Equal(["m2", "m3"], page.Data.Select(m => m.Title));
        Assert.Equal(5, page.Paging.TotalCount);
        Assert.Equal(2, page.Paging.StartOffset);
        Assert.Equal(3, page.Paging.EndOffset);

        var last = await Client.Meetings.ListMeetingsAsync(Account, App, pageNo: 3, perPage: 2);
        Assert.Equal(["m4"], last.Data.Select(m => m.Title));
        Assert.Equal(["m1"], (await Client.Meetings.ListMeetingsAsync(Account, App, search: "M1")).Data.Select(m => m.Title));
    }

    [Fact]
    public async Task Participants_get_a_token_that_refresh_replaces_and_live_per_meeting()
    {
        var meeting = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "t" })).Data!.Id;
        var added = (await Client.Meetings.AddParticipantAsync(Account, App, meeting, new AddParticipantRequest { CustomParticipantId = "ana@example.com", PresetName = "group_call_host" })).Data!;
        Assert.Equal(201, Sandbox.Requests[^1].StatusCode);
        Assert.Equal(3, added.Token.Split('.').Length);
        Assert.Equal("group_call_host", added.PresetName);

        var refreshed = (await Client.Meetings.RefreshParticipantTokenAsync(Account, App, meeting, added.Id.ToString())).Data.Token;
        Assert.NotEqual(added.Token, refreshed);

        var listed = await Client.Meetings.ListParticipantsAsync(Account, App, meeting);
        Assert.Equal(added.Id, Assert.Single(listed.Data).Id);
        var (status, upper) = await SendAsync("GET", $"{meeting.ToString().ToUpperInvariant()}/participants/{added.Id.ToString().ToUpperInvariant()}", null);
        Assert.Equal(200, status);
        Assert.Equal(added.Id.ToString(), (string?)upper["data"]!["id"]);
        Assert.DoesNotContain("token", Sandbox.Requests[^1].ResponseBody, StringComparison.Ordinal);

        var replaced = (await Client.Meetings.ReplaceParticipantAsync(Account, App, meeting, added.Id.ToString(), new ReplaceParticipantRequest { CustomParticipantId = "ana", PresetName = "viewer" })).Data!;
        Assert.Equal("viewer", replaced.PresetName);
        Assert.Equal(refreshed, replaced.Token);

        var deleted = (await Client.Meetings.DeleteParticipantAsync(Account, App, meeting, added.Id.ToString())).Data!;
        Assert.Equal("ana", deleted.CustomParticipantId);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Meetings.GetParticipantAsync(Account, App, meeting, added.Id.ToString()));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Meetings.AddParticipantAsync(Account, App, Guid.NewGuid(), new AddParticipantRequest { CustomParticipantId = "x", PresetName = "p" }));
    }

    [Fact]
    public async Task Presets_are_created_merged_replaced_and_deleted_and_name_the_id_a_deleted_participant_answers()
    {
        var (status, created) = await SendAsync("POST", "../presets", DocumentExamples.PresetRequestBody());
        Assert.Equal(201, status);
        var id = (string)created["data"]!["id"]!;
        var name = (string)created["data"]!["name"]!;

        var updated = (await Client.Presets.UpdatePresetAsync(Account, App, id, new UpdatePresetRequest { Name = "renamed" })).Data!;
        Assert.Equal("renamed", updated.Name);
        Assert.Equal(JObject.Parse(DocumentExamples.PresetRequestBody())["config"]!["view_type"]!.ToString(), updated.Config.ViewType.ToString());

        var listed = await Client.Presets.ListPresetsAsync(Account, App, search: "renam");
        Assert.Equal(id, Assert.Single(listed.Data).Id.ToString());

        var meeting = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest())).Data!.Id;
        var participant = (await Client.Meetings.AddParticipantAsync(Account, App, meeting, new AddParticipantRequest { CustomParticipantId = "u", PresetName = "renamed" })).Data!;
        Assert.Equal(id, (await Client.Meetings.DeleteParticipantAsync(Account, App, meeting, participant.Id.ToString())).Data!.PresetId.ToString());

        Assert.Equal(id, (await Client.Presets.DeletePresetAsync(Account, App, id)).Data!.Id.ToString());
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Presets.GetPresetAsync(Account, App, id));
        Assert.NotEqual(name, string.Empty);
    }

    [Fact]
    public async Task A_participant_with_a_preset_the_app_does_not_have_is_accepted()
    {
        var meeting = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest())).Data!.Id;
        var added = await Client.Meetings.AddParticipantAsync(Account, App, meeting, new AddParticipantRequest { CustomParticipantId = "u", PresetName = "no-such-preset" });
        Assert.Equal("no-such-preset", added.Data!.PresetName);
    }

    [Fact]
    public async Task Apps_are_per_account()
    {
        var created = (await Client.Apps.CreateAppAsync(Account, new CreateAppRequest { Name = "my-first-app" })).Data!.App!;
        Assert.Equal("my-first-app", (await Client.Apps.GetAppAsync(Account, created.Id!)).Data!.Name);
        Assert.Single((await Client.Apps.ListAppsAsync(Account)).Data!);
        Assert.Empty((await Client.Apps.ListAppsAsync("other")).Data!);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Apps.GetAppAsync("other", created.Id!));
    }

    [Theory]
    [InlineData("POST", "", "{\"title\":5}", "\"title\"")]
    [InlineData("POST", "00000000-0000-0000-0000-000000000001/participants", "{\"preset_name\":\"p\"}", "\"custom_participant_id\" is required")]
    public async Task Bodies_that_break_the_document_are_answered_400_naming_the_field(string method, string relative, string body, string message)
    {
        var (status, answer) = await SendAsync(method, relative, body);
        Assert.Equal(400, status);
        Assert.Contains(message, (string)answer["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_answered_401()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var response = await http.GetAsync(new Uri(Sandbox.BaseAddress, $"accounts/{Account}/realtime/kit/{App}/meetings"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<(int Status, JObject Body)> SendAsync(string method, string relative, string? body)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sandbox.ApiToken);
        var uri = new Uri(Sandbox.BaseAddress, $"accounts/{Account}/realtime/kit/{App}/meetings/{relative}".TrimEnd('/'));
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }
}
