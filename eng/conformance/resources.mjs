// Conformance of the RealtimeKit sandbox with Cloudflare's official TypeScript SDK on every
// resource the sandbox keeps state for besides webhooks (webhooks.mjs covers those): apps,
// meetings, participants, presets, sessions, recordings, livestreams and the active session
// (without one, and held live), with a list per resource read with a non-default per_page. On meetings and participants the C#
// client (the realtimekit CLI's generated commands) shares the sandbox with the SDK: each reads
// and changes what the other created.
//
//   node eng/conformance/resources.mjs <path to realtimekit.dll or the realtimekit executable>
//
// Starts its own `realtimekit sandbox --port 0`, drives the SDK's methods, checks the answers
// against the SDK's typings (required fields, types) and the API's semantics (ids, partial
// update, paging, tokens, statuses, error classes). One ok/FAIL line per check, a summary line,
// exit code 1 when a check failed. preset.json is the document's preset example (PresetEnvelope).

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Cloudflare from 'cloudflare';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const PRESET = JSON.parse(readFileSync(new URL('./preset.json', import.meta.url), 'utf8'));

let passed = 0;
let failed = 0;

async function check(what, body) {
  try {
    const value = await body();
    passed++;
    console.log(`ok   ${what}`);
    return value;
  } catch (error) {
    failed++;
    console.log(`FAIL ${what}: ${String(error?.message ?? error).replace(/\s*\n\s*/g, ' ').slice(0, 600)}`);
    return undefined;
  }
}

async function expectError(promise, errorClass, status) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof errorClass, `${error?.constructor?.name} is not ${errorClass.name}`);
    assert.equal(error.status, status);
    return error;
  }
  assert.fail(`no ${errorClass.name}`);
}

function assertStamped(item) {
  assert.match(item.id, UUID, `id ${item.id}`);
  for (const field of ['created_at', 'updated_at']) {
    assert.match(item[field], DATE_TIME, `${field} ${item[field]}`);
  }
}

function assertPaging(paging, total, start, end) {
  assert.deepEqual(paging, { total_count: total, start_offset: start, end_offset: end });
}

// Nothing from the caller's Cloudflare environment reaches either client: no real token, account or URL.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CLOUDFLARE_')));
childEnv.DOTNET_CLI_TELEMETRY_OPTOUT = '1';
childEnv.DOTNET_NOLOGO = '1';

function commandOf(cliPath) {
  return cliPath.endsWith('.dll') ? ['dotnet', [resolve(cliPath)]] : [resolve(cliPath), []];
}

/** Runs `realtimekit <args> --base-url … --api-token … --account-id … --output json` against the sandbox. */
function cli(sandbox, args) {
  const [command, prefix] = commandOf(sandbox.cliPath);
  const full = [...prefix, ...args, '--base-url', sandbox.baseURL, '--api-token', sandbox.token, '--account-id', ACCOUNT, '--output', 'json'];
  return new Promise((done) => {
    execFile(command, full, { env: childEnv, timeout: 120_000, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** A CLI call that must succeed; its stdout parsed as JSON. */
async function cliJson(sandbox, args) {
  const result = await cli(sandbox, args);
  assert.equal(result.code, 0, `realtimekit ${args.slice(0, 2).join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  try {
    return JSON.parse(result.stdout);
  } catch {
    assert.fail(`realtimekit ${args.slice(0, 2).join(' ')} printed no JSON: ${result.stdout}`);
  }
}

function startSandbox(cliPath) {
  const [command, prefix] = commandOf(cliPath);
  const child = spawn(command, [...prefix, 'sandbox', '--port', '0'], { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, reject) => {
    const timer = setTimeout(() => reject(new Error('the sandbox printed no first line within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const match = /^RealtimeKit sandbox listening: --base-url (\S+) --api-token (\S+)$/.exec(line);
      return match ? done({ child, cliPath, baseURL: match[1], token: match[2] }) : reject(new Error(`unexpected first line: ${line}`));
    });
  });
}

async function run(sandbox) {
  const sdk = new Cloudflare({ apiToken: sandbox.token, baseURL: sandbox.baseURL, maxRetries: 0 });
  const wrong = new Cloudflare({ apiToken: 'wrong', baseURL: sandbox.baseURL, maxRetries: 0 });
  const rk = sdk.realtimeKit;
  const ids = { account_id: ACCOUNT, app_id: APP };

  // apps
  const app = await check('apps.post creates an app and answers {app}', async () => {
    const answer = await rk.apps.post({ account_id: ACCOUNT, name: 'conformance' });
    assert.equal(answer.success, true);
    assert.equal(answer.data.app.name, 'conformance');
    assert.match(answer.data.app.created_at, DATE_TIME);
    return answer.data.app;
  });
  await check('apps.get lists it with paging', async () => {
    const answer = await rk.apps.get({ account_id: ACCOUNT });
    assert.deepEqual(answer.data.map((a) => a.id), [app.id]);
    assertPaging(answer.paging, 1, 0, 0);
  });

  // meetings
  const meeting = await check('meetings.create answers the meeting with a UUID, timestamps and defaults', async () => {
    const answer = await rk.meetings.create(APP, { account_id: ACCOUNT, title: 'Weekly sync', record_on_start: true });
    assertStamped(answer.data);
    assert.equal(answer.data.title, 'Weekly sync');
    assert.equal(answer.data.record_on_start, true);
    assert.equal(answer.data.persist_chat, false);
    assert.equal(answer.data.status, 'ACTIVE');
    return answer.data;
  });
  await check('meetings.getMeetingByID reads it back', async () => {
    const answer = await rk.meetings.getMeetingByID(meeting.id, ids);
    assert.deepEqual(answer.data, meeting);
  });
  await check('meetings.updateMeetingByID changes only the fields sent', async () => {
    const answer = await rk.meetings.updateMeetingByID(meeting.id, { ...ids, status: 'INACTIVE' });
    assert.equal(answer.data.status, 'INACTIVE');
    assert.equal(answer.data.title, 'Weekly sync');
    assert.equal(answer.data.record_on_start, true);
  });
  await check('meetings.replaceMeetingByID resets what it does not send', async () => {
    const answer = await rk.meetings.replaceMeetingByID(meeting.id, { ...ids, title: 'Replaced' });
    assert.equal(answer.data.title, 'Replaced');
    assert.equal(answer.data.record_on_start, false);
    assert.equal(answer.data.id, meeting.id);
  });
  await check('meetings.get pages with page_no and per_page', async () => {
    await rk.meetings.create(APP, { account_id: ACCOUNT, title: 'Second' });
    await rk.meetings.create(APP, { account_id: ACCOUNT, title: 'Third' });
    const answer = await rk.meetings.get(APP, { account_id: ACCOUNT, page_no: 2, per_page: 2 });
    assert.deepEqual(answer.data.map((m) => m.title), ['Third']);
    assertPaging(answer.paging, 3, 2, 2);
  });
  await check('an unknown meeting is a NotFoundError (404)', () =>
    expectError(rk.meetings.getMeetingByID('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e', ids), Cloudflare.NotFoundError, 404));
  await check('a wrong token is an AuthenticationError (401)', () =>
    expectError(wrong.realtimeKit.meetings.get(APP, { account_id: ACCOUNT }), Cloudflare.AuthenticationError, 401));
  await check('a body that breaks the schema is a BadRequestError (400) naming the field', async () => {
    const error = await expectError(rk.meetings.create(APP, { account_id: ACCOUNT, title: 42 }), Cloudflare.BadRequestError, 400);
    assert.match(JSON.stringify(error.error), /title/);
  });

  // participants
  const participantIds = { ...ids, meeting_id: meeting?.id };
  const participant = await check('meetings.addParticipant answers the participant with a JWT-like token', async () => {
    const answer = await rk.meetings.addParticipant(meeting.id, { ...ids, custom_participant_id: 'ana@example.com', preset_name: 'group_call_host', name: 'Ana' });
    assertStamped(answer.data);
    assert.match(answer.data.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.equal(answer.data.preset_name, 'group_call_host');
    return answer.data;
  });
  await check('meetings.getMeetingParticipant reads it without a token', async () => {
    const answer = await rk.meetings.getMeetingParticipant(participant.id, participantIds);
    assert.equal(answer.data.custom_participant_id, 'ana@example.com');
    assert.equal(answer.data.token, undefined);
  });
  await check('meetings.getMeetingParticipants lists it with paging', async () => {
    const answer = await rk.meetings.getMeetingParticipants(meeting.id, { ...ids });
    assert.deepEqual(answer.data.map((p) => p.id), [participant.id]);
    assertPaging(answer.paging, 1, 0, 0);
  });
  await check('the C# client reads the meeting the SDK created (realtimekit meetings get)', async () => {
    const read = await cliJson(sandbox, ['meetings', 'get', '--app-id', APP, '--meeting-id', meeting.id]);
    const answer = await rk.meetings.getMeetingByID(meeting.id, ids);
    assert.equal(read.id, meeting.id);
    assert.equal(read.title, answer.data.title);
    assert.equal(read.status, answer.data.status);
    assert.equal(read.record_on_start, answer.data.record_on_start);
    assert.equal(Date.parse(read.created_at), Date.parse(answer.data.created_at));
  });
  await check('the C# client lists the participant the SDK added (realtimekit participants list)', async () => {
    const read = await cliJson(sandbox, ['participants', 'list', '--app-id', APP, '--meeting-id', meeting.id]);
    const list = Array.isArray(read) ? read : read.data;
    assert.deepEqual(list.map((p) => p.id), [participant.id]);
    assert.equal(list[0].custom_participant_id, 'ana@example.com');
    assert.equal(list[0].preset_name, 'group_call_host');
    assert.equal(list[0].token, undefined);
  });
  await check('the SDK reads and updates a meeting the C# client created (realtimekit meetings create)', async () => {
    const created = await cliJson(sandbox, ['meetings', 'create', '--app-id', APP, '--title', 'Made in C#', '--persist-chat', 'true']);
    assert.match(created.id, UUID);
    const read = await rk.meetings.getMeetingByID(created.id, ids);
    assert.equal(read.data.title, 'Made in C#');
    assert.equal(read.data.persist_chat, true);
    const updated = await rk.meetings.updateMeetingByID(created.id, { ...ids, title: 'Changed by the SDK' });
    assert.equal(updated.data.title, 'Changed by the SDK');
    assert.equal(updated.data.persist_chat, true);
    const again = await cliJson(sandbox, ['meetings', 'get', '--app-id', APP, '--meeting-id', created.id]);
    assert.equal(again.title, 'Changed by the SDK');
  });
  await check('meetings.refreshParticipantToken answers a new token', async () => {
    const answer = await rk.meetings.refreshParticipantToken(participant.id, participantIds);
    assert.notEqual(answer.data.token, participant.token);
  });
  await check('meetings.editParticipant: an explicit null clears the name', async () => {
    const answer = await rk.meetings.editParticipant(participant.id, { ...participantIds, name: null });
    assert.equal(answer.data.name, undefined);
    assert.equal(answer.data.preset_name, 'group_call_host');
  });
  await check('meetings.deleteMeetingParticipant answers custom_participant_id and a preset_id, then 404', async () => {
    const answer = await rk.meetings.deleteMeetingParticipant(participant.id, participantIds);
    assert.equal(answer.data.custom_participant_id, 'ana@example.com');
    assert.match(answer.data.preset_id, UUID);
    await expectError(rk.meetings.getMeetingParticipant(participant.id, participantIds), Cloudflare.NotFoundError, 404);
  });

  // presets
  const preset = await check('presets.create answers the preset with a UUID and timestamps', async () => {
    const answer = await rk.presets.create(APP, { account_id: ACCOUNT, ...PRESET });
    assertStamped(answer.data);
    assert.equal(answer.data.name, PRESET.name);
    return answer.data;
  });
  await check('presets.get lists it', async () => {
    const answer = await rk.presets.get(APP, { account_id: ACCOUNT });
    assert.deepEqual(answer.data.map((p) => p.id), [preset.id]);
    assertPaging(answer.paging, 1, 0, 0);
  });
  await check('presets.update merges a partial preset', async () => {
    const answer = await rk.presets.update(preset.id, { ...ids, name: 'renamed', config: { max_screenshare_count: 3 } });
    assert.equal(answer.data.name, 'renamed');
    assert.equal(answer.data.config.max_screenshare_count, 3);
    assert.equal(answer.data.config.view_type, PRESET.config.view_type);
  });
  await check('presets.replacePresetByID and getPresetByID', async () => {
    await rk.presets.replacePresetByID(preset.id, { ...ids, ...PRESET });
    const answer = await rk.presets.getPresetByID(preset.id, ids);
    assert.equal(answer.data.name, PRESET.name);
  });
  await check('presets.delete answers the preset, then 404', async () => {
    const answer = await rk.presets.delete(preset.id, ids);
    assert.equal(answer.data.id, preset.id);
    await expectError(rk.presets.getPresetByID(preset.id, ids), Cloudflare.NotFoundError, 404);
  });

  // recordings
  const recording = await check('recordings.startRecordings answers RECORDING', async () => {
    const answer = await rk.recordings.startRecordings(APP, { account_id: ACCOUNT, meeting_id: meeting.id });
    assert.equal(answer.data.status, 'RECORDING');
    assert.match(answer.data.id, UUID);
    return answer.data;
  });
  await check('recordings.getActiveRecordings answers it', async () => {
    const answer = await rk.recordings.getActiveRecordings(meeting.id, ids);
    assert.equal(answer.data.id, recording.id);
  });
  await check('recordings.pauseResumeStopRecording: pause → PAUSED, stop → UPLOADED with a download URL', async () => {
    assert.equal((await rk.recordings.pauseResumeStopRecording(recording.id, { ...ids, action: 'pause' })).data.status, 'PAUSED');
    const stopped = (await rk.recordings.pauseResumeStopRecording(recording.id, { ...ids, action: 'stop' })).data;
    assert.equal(stopped.status, 'UPLOADED');
    assert.match(stopped.download_url, /^https:\/\//);
  });
  await check('recordings.getOneRecording and getRecordings', async () => {
    assert.equal((await rk.recordings.getOneRecording(recording.id, ids)).data.status, 'UPLOADED');
    const list = await rk.recordings.getRecordings(APP, { account_id: ACCOUNT });
    assert.deepEqual(list.data.map((r) => r.id), [recording.id]);
    assert.equal(list.data[0].meeting.id, meeting.id);
  });

  // sessions: none exist until a test seeds them (AddSession), simulates a meeting or holds one live.
  await check('sessions.getSessions answers an empty list in data.sessions', async () => {
    const answer = await rk.sessions.getSessions(APP, { account_id: ACCOUNT });
    assert.deepEqual(answer.data.sessions, []);
  });
  await check('sessions.getSessionDetails of an unknown session is a NotFoundError (404)', () =>
    expectError(rk.sessions.getSessionDetails('unknown', ids), Cloudflare.NotFoundError, 404));

  await activeSession(sandbox, sdk, ids);
  await lists(sdk, ids);
}

/** POSTs to one of the sandbox's own routes (not the API: no SDK method), answering its data. */
async function sandboxRoute(sandbox, path, body) {
  const response = await fetch(new URL(path, sandbox.baseURL), {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  assert.equal(response.status, 200, JSON.stringify(answer));
  return answer.data;
}

// The six active-session operations, without a live session and against one the sandbox holds
// live (started by the C# CLI, `realtimekit meetings simulate --keep-live`, ended by
// `realtimekit meetings end`). The SDK has no method for mute and mute-all: its generic post
// sends them, through the same transport and error classes.
async function activeSession(sandbox, sdk, ids) {
  const rk = sdk.realtimeKit;
  const meeting = await check('a meeting to hold live', async () =>
    (await rk.meetings.create(APP, { account_id: ACCOUNT, title: 'Held live' })).data);
  const path = (op) => `/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${meeting.id}/active-session/${op}`;

  await check('without a live session: getActiveSession and kickParticipants are NotFoundError (404), kick-all and mute-all act on nobody', async () => {
    await expectError(rk.activeSession.getActiveSession(meeting.id, ids), Cloudflare.NotFoundError, 404);
    await expectError(rk.activeSession.kickParticipants(meeting.id, { ...ids, participant_ids: ['nobody'] }), Cloudflare.NotFoundError, 404);
    assert.equal((await rk.activeSession.kickAllParticipants(meeting.id, ids)).data.kicked_participants_count, 0);
    assert.equal((await sdk.post(path('mute-all'), { body: { allow_unmute: true } })).data.muted_participants_count, 0);
  });

  const live = await check('realtimekit meetings simulate --keep-live (the C# CLI) starts the session with two participants', async () => {
    const answer = await cliJson(sandbox, ['meetings', 'simulate', '--keep-live', '--app-id', APP, '--meeting-id', meeting.id]);
    assert.match(answer.sessionId, UUID);
    assert.equal(answer.peerIds.length, 2);
    assert.deepEqual(answer.events, ['meeting.started', 'meeting.participantJoined', 'meeting.participantJoined']);
    return answer;
  });
  await check('activeSession.getActiveSession answers the live session', async () => {
    const answer = await rk.activeSession.getActiveSession(meeting.id, ids);
    assert.equal(answer.data.id, live.sessionId);
    assert.equal(answer.data.status, 'LIVE');
    assert.equal(answer.data.associated_id, meeting.id);
    assert.equal(answer.data.live_participants, 2);
    assert.match(answer.data.started_at, DATE_TIME);
  });
  await check('the C# client reads the same active session (realtimekit active-session get)', async () => {
    const read = await cliJson(sandbox, ['active-session', 'get', '--app-id', APP, '--meeting-id', meeting.id]);
    assert.equal(read.id, live.sessionId);
    assert.equal(read.live_participants, 2);
  });
  const joined = await check('a third participant joins over the sandbox route; sessions.getSessionParticipants lists three', async () => {
    const step = await sandboxRoute(sandbox, '/__sandbox/live-sessions/join', { accountId: ACCOUNT, appId: APP, meetingId: meeting.id, customParticipantId: 'cy@example.com', displayName: 'Cy' });
    assert.deepEqual(step.events, ['meeting.participantJoined']);
    const answer = await rk.sessions.getSessionParticipants(live.sessionId, ids);
    assert.deepEqual(answer.data.participants.map((p) => p.id).sort(), [...live.peerIds, ...step.peerIds].sort());
    return step;
  });
  await check('mute (generic post) mutes the participant named by custom id', async () => {
    const answer = await sdk.post(path('mute'), { body: { custom_participant_ids: ['cy@example.com'] } });
    assert.equal(answer.data.action, 'mute');
    assert.deepEqual(answer.data.participants.map((p) => p.id), joined.peerIds);
  });
  await check('mute-all (generic post) counts everyone in the session', async () => {
    const answer = await sdk.post(path('mute-all'), { body: { allow_unmute: false } });
    assert.equal(answer.data.muted_participants_count, 3);
  });
  await check('activeSession.createPoll answers the poll with its options', async () => {
    const answer = await rk.activeSession.createPoll(meeting.id, { ...ids, question: 'Ship it?', options: ['yes', 'no'], anonymous: true });
    assert.equal(answer.data.poll.question, 'Ship it?');
    assert.deepEqual(answer.data.poll.options.map((o) => o.text), ['yes', 'no']);
    assert.match(answer.data.poll.id, UUID);
  });
  await check('activeSession.kickParticipants removes the one named; the session has two left', async () => {
    const answer = await rk.activeSession.kickParticipants(meeting.id, { ...ids, custom_participant_ids: ['guest@example.com'] });
    assert.deepEqual(answer.data.participants.map((p) => p.name), ['Grace Hopper']);
    assert.equal((await rk.activeSession.getActiveSession(meeting.id, ids)).data.live_participants, 2);
  });
  await check('activeSession.kickAllParticipants kicks the rest', async () => {
    const answer = await rk.activeSession.kickAllParticipants(meeting.id, ids);
    assert.equal(answer.data.kicked_participants_count, 2);
    assert.equal((await rk.activeSession.getActiveSession(meeting.id, ids)).data.live_participants, 0);
  });
  await check('realtimekit meetings end ends it: no active session, the session ENDED', async () => {
    const answer = await cliJson(sandbox, ['meetings', 'end', '--app-id', APP, '--meeting-id', meeting.id]);
    assert.deepEqual(answer.events, ['meeting.ended']);
    await expectError(rk.activeSession.getActiveSession(meeting.id, ids), Cloudflare.NotFoundError, 404);
    assert.equal((await rk.sessions.getSessionDetails(live.sessionId, ids)).data.status, 'ENDED');
  });
  await check("a meeting id that is not a UUID ('meeting_id', as the SDK's examples pass) is a NotFoundError (404) on all six", async () => {
    const bad = 'meeting_id';
    const other = (op) => `/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${bad}/active-session/${op}`;
    await expectError(rk.activeSession.getActiveSession(bad, ids), Cloudflare.NotFoundError, 404);
    await expectError(rk.activeSession.kickParticipants(bad, { ...ids, participant_ids: ['p'] }), Cloudflare.NotFoundError, 404);
    await expectError(rk.activeSession.kickAllParticipants(bad, ids), Cloudflare.NotFoundError, 404);
    await expectError(rk.activeSession.createPoll(bad, { ...ids, question: 'q', options: ['a', 'b'] }), Cloudflare.NotFoundError, 404);
    await expectError(sdk.post(other('mute'), { body: { participant_ids: ['p'] } }), Cloudflare.NotFoundError, 404);
    await expectError(sdk.post(other('mute-all'), { body: { allow_unmute: true } }), Cloudflare.NotFoundError, 404);
  });
}

// A list per resource, read with a per_page other than the default: the page asked for and the
// paging of the whole list.
async function lists(sdk, ids) {
  const rk = sdk.realtimeKit;
  await check('apps.get with page_no 2, per_page 2', async () => {
    await rk.apps.post({ account_id: ACCOUNT, name: 'second' });
    await rk.apps.post({ account_id: ACCOUNT, name: 'third' });
    const answer = await rk.apps.get({ account_id: ACCOUNT, page_no: 2, per_page: 2 });
    assert.deepEqual(answer.data.map((a) => a.name), ['third']);
    assertPaging(answer.paging, 3, 2, 2);
  });
  const meeting = await check('meetings.getMeetingParticipants with page_no 2, per_page 2', async () => {
    const created = (await rk.meetings.create(APP, { account_id: ACCOUNT, title: 'Paged' })).data;
    for (const who of ['a', 'b', 'c']) {
      await rk.meetings.addParticipant(created.id, { ...ids, custom_participant_id: `${who}@example.com`, preset_name: 'group_call_participant' });
    }
    const answer = await rk.meetings.getMeetingParticipants(created.id, { ...ids, page_no: 2, per_page: 2 });
    assert.deepEqual(answer.data.map((p) => p.custom_participant_id), ['c@example.com']);
    assertPaging(answer.paging, 3, 2, 2);
    return created;
  });
  await check('presets.get with page_no 2, per_page 1', async () => {
    await rk.presets.create(APP, { account_id: ACCOUNT, ...PRESET, name: 'first' });
    await rk.presets.create(APP, { account_id: ACCOUNT, ...PRESET, name: 'second' });
    const answer = await rk.presets.get(APP, { account_id: ACCOUNT, page_no: 2, per_page: 1 });
    assert.deepEqual(answer.data.map((p) => p.name), ['second']);
    assertPaging(answer.paging, 2, 1, 1);
  });
  await check('recordings.getRecordings with page_no 1, per_page 1', async () => {
    await rk.recordings.startRecordings(APP, { account_id: ACCOUNT, meeting_id: meeting.id });
    const answer = await rk.recordings.getRecordings(APP, { account_id: ACCOUNT, page_no: 1, per_page: 1 });
    assert.equal(answer.data.length, 1);
    assertPaging(answer.paging, 2, 0, 0);
  });
  await check('sessions.getSessions and getSessionParticipants with per_page 1', async () => {
    const all = await rk.sessions.getSessions(APP, { account_id: ACCOUNT });
    assert.equal(all.data.sessions.length, 1);
    const sessionId = all.data.sessions[0].id;
    const page = await rk.sessions.getSessions(APP, { account_id: ACCOUNT, page_no: 1, per_page: 1 });
    assert.deepEqual(page.data.sessions.map((x) => x.id), [sessionId]);
    const participants = await rk.sessions.getSessionParticipants(sessionId, { ...ids, page_no: 2, per_page: 1 });
    assert.equal(participants.data.participants.length, 1);
    const first = await rk.sessions.getSessionParticipants(sessionId, { ...ids, page_no: 1, per_page: 1 });
    assert.notEqual(first.data.participants[0].id, participants.data.participants[0].id);
  });
  await check('livestreams.getAllLivestreams with page_no 2, per_page 2 (one livestream per answer, as published)', async () => {
    const created = [];
    for (const name of ['one', 'two', 'three']) {
      // The SDK has no method for a standalone livestream: its generic post creates one.
      created.push((await sdk.post(`/accounts/${ACCOUNT}/realtime/kit/${APP}/livestreams`, { body: { name } })).data);
    }
    const answer = await rk.livestreams.getAllLivestreams(APP, { account_id: ACCOUNT, page_no: 2, per_page: 2 });
    assert.equal(answer.data.id, created[2].id);
    assert.deepEqual(answer.data.paging, { total_count: 3, start_offset: 2, end_offset: 2 });
  });
}

const cliPath = process.argv[2];
if (!cliPath) {
  console.error('usage: node resources.mjs <path to realtimekit.dll or the realtimekit executable>');
  process.exit(2);
}
const sandbox = await startSandbox(cliPath);
try {
  await run(sandbox);
} finally {
  sandbox.child.removeAllListeners('exit');
  sandbox.child.kill('SIGTERM');
}
console.log(`conformance (resources): ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
