// ParoleOnco end-to-end: the referral journey, played by three people in three Microsoft 365 Agents
// Playground instances (one per role), through the Playground's web UI in headless Chromium.
// Started by run.sh, which starts the bot and the playgrounds and passes their URLs:
//   COORD_URL, AP_URL, CLIN_URL, E2E_RESULTS_DIR, E2E_BOT_LOG, E2E_REPO, CHROMIUM
// Prints PASS/FAIL per step, a screenshot path per step, and closes with "e2e: N passed, N failed".
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { Texts } from './lib/texts.mjs';
import { problems as botLogProblems, KNOWN_BOT_ISSUES } from './lib/botlog.mjs';
import {
  Person, launchBrowser, card, cards, openChat, say, postMentioningBot, typeInto, chooseOne, chooseMany, tick, see, seeIn,
} from './lib/ui.mjs';

const RESULTS = process.env.E2E_RESULTS_DIR || fs.mkdtempSync('/tmp/paroleonco-e2e-');
const REPO = process.env.E2E_REPO || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const BOT_LOG = process.env.E2E_BOT_LOG;
const SHOTS = path.join(RESULTS, 'screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

// ---------------------------------------------------------------- who and what (configs/*.yml)
const BOT = 'ParoleOnco';
const CLAIRE = 'Claire Gagnon';            // coordinator, and admin (ParoleOnco:Admins in run.sh)
const MEGANE = 'Mégane Lavoie';            // the accompanying patient (AP)
const SOPHIE = 'Dre Sophie Tremblay';      // the referring clinician
const CHANNEL = 'CHUM PAROLE-Onco - Coordination';
const E1 = JSON.parse(fs.readFileSync(path.join(REPO, 'bot', 'appsettings.json'), 'utf8'))
  .ParoleOnco.Establishments.find((e) => e.Id === 'E1').Name;

// The Playground 0.2.28 stamps `locale: "en-US"` on every activity it sends (hard-coded in its server; its
// config has no locale), so the bot answers each person, and writes to them proactively, in English. The
// coordinators' channel is written in its establishment's language, French (fr-CA) for E1. The browsers run
// in fr-CA, so the cards' dates are shown the Québec way.
const personal = new Texts(REPO, 'en');
const channel = new Texts(REPO, 'fr');
const P = (k, ...a) => personal.t(k, ...a);
const C = (k, ...a) => channel.t(k, ...a);

const patient = {
  code: 'CHUM-4821',
  phoneTyped: '514 555-0142',
  phoneE164: '+15145550142',
  phoneShown: '514 555-0142',
  note: "Préfère être appelée l'après-midi; parle aussi anglais.",
};

// ---------------------------------------------------------------- steps
const steps = [];
const step = (name, expect, run) => steps.push({ name, expect, run });
let shotNo = 0;
async function shot(person, name, locator) {
  if (locator) await locator.scrollIntoViewIfNeeded().catch(() => {});
  await person.page.waitForTimeout(250); // small settle time: let the card finish its layout before the picture
  const file = path.join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${person.role}-${name}.png`);
  await person.page.screenshot({ path: file });
  console.log(`     screenshot ${file}`);
}

const coord = new Person('coordinator', process.env.COORD_URL || 'http://127.0.0.1:56151', RESULTS);
const ap = new Person('ap', process.env.AP_URL || 'http://127.0.0.1:56152', RESULTS);
const clin = new Person('clinician', process.env.CLIN_URL || 'http://127.0.0.1:56153', RESULTS);
const people = [coord, ap, clin];
const state = {};

step('open the three Playgrounds',
  'each role\'s UI loads as its own person; the AP and the clinician find the bot\'s welcome (help) card in their 1:1 chat',
  async () => {
    await Promise.all(people.map((p) => p.open(state.browser))); // three people sit down at once
    for (const [p, who] of [[coord, CLAIRE], [ap, MEGANE], [clin, SOPHIE]]) {
      await see(p.page.getByText(who, { exact: true }), `the signed-in user "${who}" in the ${p.role} UI`);
    }
    for (const p of [ap, clin]) {
      await openChat(p.page, 'Personal Chat');
      await see(card(p.page, P('HelpTitle')), `the help card "${P('HelpTitle')}" sent on installation`);
    }
    await shot(ap, 'welcome', card(ap.page, P('HelpTitle')));
    await shot(clin, 'welcome', card(clin.page, P('HelpTitle')));
  });

step('coordinator binds the channel to E1',
  `in "${CHANNEL}", "@${BOT} setup" answers with the setup card; choosing ${E1} and "${P('SetupSubmit')}" shows "${P('SetupBound', E1)}"`,
  async () => {
    const page = coord.page;
    await openChat(page, CHANNEL);
    await see(page.getByText('Start a new post'), 'the channel\'s "Start a new post" box');
    await postMentioningBot(page, BOT, 'setup');
    const setup = card(page, P('SetupIntro')); // the team's welcome names the coordinators' channel too
    await see(setup.getByRole('button', { name: P('SetupSubmit') }), `the setup card with "${P('SetupSubmit')}"`);
    await chooseOne(page, setup, P('EstablishmentLabel'), E1);
    await shot(coord, 'setup-card-filled', setup);
    await setup.getByRole('button', { name: P('SetupSubmit') }).click();
    const bound = card(page, P('SetupBound', E1));
    await seeIn(bound, personal.rx('SetupBoundBy', CLAIRE), `"${P('SetupBoundBy', CLAIRE, '…', '…')}" on the card`);
    await shot(coord, 'channel-bound', bound);
  });

step('AP registers with join',
  `"join" in the AP's 1:1 chat shows "${P('ApRegistrationTitle')}"; filled and sent, it becomes her profile "${P('ApStatus_pending')}"`,
  async () => {
    const page = ap.page;
    await say(page, 'join');
    const form = card(page, P('ApRegistrationTitle'));
    await see(form.getByRole('button', { name: P('ApRegisterSubmit') }), `the registration form with "${P('ApRegisterSubmit')}"`);
    await chooseOne(page, form, P('EstablishmentLabel'), E1);
    await chooseMany(page, form, P('ApLanguagesLabel'), [P('Language_fr'), P('Language_en')]);
    await tick(form, 'checkbox', P('ApCancerTypesLabel'), P('CancerType_breast'));
    await chooseOne(page, form, P('ApAgeBandLabel'), P('AgeBand_45-54'));
    await tick(form, 'checkbox', P('ApModalitiesLabel'), P('Modality_phone'));
    await tick(form, 'checkbox', P('ApModalitiesLabel'), P('Modality_video'));
    await typeInto(form.getByRole('spinbutton', { name: P('CapacityLabel') }), '3');
    await shot(ap, 'registration-filled', form);
    await form.getByRole('button', { name: P('ApRegisterSubmit') }).click();
    const profile = card(page, P('ApProfileTitle'));
    await seeIn(profile, P('ApStatus_pending'), `the profile card "${P('ApProfileTitle')}" saying "${P('ApStatus_pending')}"`);
    await shot(ap, 'registered-pending', profile);
  });

step('coordinator approves the AP in the channel',
  `"${C('ApApprovalTitle')}" for ${MEGANE} is posted in the channel (French); "${C('ApApproveButton')}" turns it into "${C('ApprovedBy', CLAIRE, '…', '…')}"`,
  async () => {
    const page = coord.page;
    const approval = card(page, channel.rx('ApApprovalIntro', MEGANE));
    await see(approval.getByRole('button', { name: C('ApApproveButton'), exact: true }), `the AP approval card with "${C('ApApproveButton')}"`);
    await shot(coord, 'ap-approval-card', approval);
    await approval.getByRole('button', { name: C('ApApproveButton'), exact: true }).click();
    await seeIn(approval, channel.rx('ApprovedBy', CLAIRE), `"${C('ApprovedBy', CLAIRE, '…', '…')}" on the approval card`);
    await shot(coord, 'ap-approved', approval);
  });

step('AP is told she is approved',
  `the AP's profile card updates in place to "${P('ApStatus_approved')}" and "${P('ApApproved_Title')}" arrives`,
  async () => {
    const page = ap.page;
    const profile = card(page, P('ApProfileTitle'));
    await seeIn(profile, P('ApStatus_approved'), `her profile card saying "${P('ApStatus_approved')}"`);
    if ((await cards(page, P('ApProfileTitle')).count()) !== 1) throw new Error('expected one profile card, updated in place, not a second one');
    const welcome = card(page, P('ApApproved_Title'));
    await see(welcome, `the notice "${P('ApApproved_Title')}"`);
    await shot(ap, 'approved', welcome);
  });

step('clinician refers a patient',
  `"refer" shows "${P('ReferralFormTitle')}"; filled with keystrokes and sent, it becomes the status card "${P('ReferralStatus_submitted')}"`,
  async () => {
    const page = clin.page;
    await say(page, 'refer');
    const form = card(page, P('ReferralFormTitle'));
    await see(form.getByRole('button', { name: P('ReferralSubmit') }), `the referral form with "${P('ReferralSubmit')}"`);
    await typeInto(form.getByRole('textbox', { name: P('PatientCodeLabel'), exact: true }), patient.code);
    const consent = form.getByRole('checkbox', { name: new RegExp(P('ConsentTitle').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await consent.click();
    if (!(await consent.isChecked())) throw new Error('the consent toggle is not on after the click');
    await chooseOne(page, form, P('EstablishmentLabel'), E1);
    await tick(form, 'radio', P('CancerTypeLabel'), P('CancerType_breast'));
    await chooseOne(page, form, P('AgeBandLabel'), P('AgeBand_45-54'));
    await chooseOne(page, form, P('LanguageLabel'), P('Language_fr'));
    await tick(form, 'radio', P('ModalityLabel'), P('Modality_phone'));
    await tick(form, 'checkbox', P('NeedsLabel'), P('Need_emotional'));
    await tick(form, 'checkbox', P('NeedsLabel'), P('Need_informational'));
    await typeInto(form.getByRole('textbox', { name: P('PhoneInputLabel'), exact: true }), patient.phoneTyped);
    await typeInto(form.getByRole('textbox', { name: P('NoteInputLabel'), exact: true }), patient.note);
    await shot(clin, 'referral-filled', form);
    await form.getByRole('button', { name: P('ReferralSubmit') }).click();
    const status = card(page, personal.rx('ReferralTitle', /R-[0-9A-F]{6}/));
    await seeIn(status, P('ReferralStatus_submitted'), `the status card saying "${P('ReferralStatus_submitted')}"`);
    await seeIn(status, patient.code, `the patient code ${patient.code} on the status card`);
    state.number = /R-[0-9A-F]{6}/.exec(await status.innerText())[0];
    console.log(`     referral ${state.number}`);
    await shot(clin, 'referral-submitted', status);
  });

step('coordinator approves the suggested AP',
  `"${C('ReferralTitle', '<number>')}" arrives in the channel (French, no phone, no note) suggesting ${MEGANE}; picking her and "${C('ApproveMatchButton')}" shows "${C('MatchedBy', CLAIRE, '…', '…')}"`,
  async () => {
    const page = coord.page;
    const referral = card(page, C('ReferralTitle', state.number));
    await see(referral.getByRole('button', { name: C('ApproveMatchButton') }), `the referral card ${state.number} with "${C('ApproveMatchButton')}"`);
    await seeIn(referral, channel.rx('SuggestionHeading', MEGANE), `${MEGANE} among "${C('SuggestionsHeading')}"`);
    const text = await referral.innerText();
    for (const secret of ['555', patient.note.slice(0, 20)]) {
      if (text.includes(secret)) throw new Error(`the coordinators' card shows "${secret}": it must never carry the phone or the note`);
    }
    await tick(referral, 'radio', C('ApChoiceLabel'), MEGANE);
    await shot(coord, 'referral-card', referral);
    await referral.getByRole('button', { name: C('ApproveMatchButton') }).click();
    await seeIn(referral, channel.rx('MatchedBy', CLAIRE), `"${C('MatchedBy', CLAIRE, '…', '…')}" on the referral card`);
    await seeIn(referral, C('ReferralStatus_matched'), `"${C('ReferralStatus_matched')}" on the referral card`);
    await shot(coord, 'referral-matched', referral);
  });

step('clinician sees the match',
  `the clinician's status card for ${'<number>'} updates in place to "${P('ReferralStatus_matched')}"`,
  async () => {
    const page = clin.page;
    const status = card(page, P('ReferralTitle', state.number));
    await seeIn(status, P('ReferralStatus_matched'), `"${P('ReferralStatus_matched')}" on the status card`);
    const n = await cards(page, P('ReferralTitle', state.number)).count();
    if (n !== 1) throw new Error(`expected the one status card updated in place, found ${n} cards for ${state.number}`);
    await shot(clin, 'referral-matched', status);
  });

step('AP accepts the assignment',
  `"${P('OfferTitle')}" reaches the AP with the patient code, the note and a "${P('CallButton', patient.phoneShown)}" tel: action; "${P('AcceptButton')}" shows "${P('AssignmentStatus_accepted')}"`,
  async () => {
    const page = ap.page;
    const offer = card(page, P('OfferTitle'));
    const accept = offer.getByRole('button', { name: P('AcceptButton'), exact: true });
    await see(accept, `the assignment card with "${P('AcceptButton')}"`);
    await seeIn(offer, patient.code, `the patient code ${patient.code}`);
    await seeIn(offer, patient.note, 'the clinician\'s note');
    // Action.OpenUrl: the Playground renders it as a link and, when clicked, calls window.open(url)
    const call = offer.getByRole('link', { name: personal.rx('CallButton', patient.phoneShown) });
    await see(call, `the "${P('CallButton', patient.phoneShown)}" action`);
    await shot(ap, 'assignment-offered', offer);
    await call.click();
    const opened = await ap.openedUrls();
    console.log(`     "${await call.getAttribute('aria-label')}" opens ${opened.join(', ')}`);
    if (!opened.includes(`tel:${patient.phoneE164}`)) throw new Error(`the call action opened ${JSON.stringify(opened)}, expected tel:${patient.phoneE164}`);
    await accept.click();
    await seeIn(offer, personal.rx('AnsweredAt', P('AssignmentStatus_accepted')), `"${P('AssignmentStatus_accepted')} …" on the card`);
    await seeIn(offer, P('OfferAcceptedNext'), `"${P('OfferAcceptedNext')}"`);
    await see(offer.getByRole('link', { name: personal.rx('CallButton', patient.phoneShown) }), 'the call action, still there once accepted');
    await shot(ap, 'assignment-accepted', offer);
  });

step('clinician sees the acceptance',
  `the clinician's status card updates in place to "${P('ReferralStatus_accepted')}"; the channel card to "${C('ReferralStatus_accepted')}"`,
  async () => {
    const status = card(clin.page, P('ReferralTitle', state.number));
    await seeIn(status, P('ReferralStatus_accepted'), `"${P('ReferralStatus_accepted')}" on the clinician's status card`);
    const n = await cards(clin.page, P('ReferralTitle', state.number)).count();
    if (n !== 1) throw new Error(`expected the one status card updated in place, found ${n} cards for ${state.number}`);
    await shot(clin, 'referral-accepted', status);
    const referral = card(coord.page, C('ReferralTitle', state.number));
    await seeIn(referral, C('ReferralStatus_accepted'), `"${C('ReferralStatus_accepted')}" on the channel card`);
    await shot(coord, 'referral-accepted', referral);
  });

step('no errors behind the scenes',
  'every playground <-> bot exchange succeeded (status < 400), the bot logged no error and delivered every card, no browser request left loopback',
  async () => {
    const problems = [];
    for (const p of people) {
      for (const e of p.failedExchanges()) problems.push(`${p.role}: ${e.from} ${e.activity} -> ${e.status} ${JSON.stringify(e.log.response?.body ?? '').slice(0, 200)}`);
      const outside = p.blocked.filter((u) => !/^https:\/\/res-1\.cdn\.office\.net\//.test(u)); // fonts + flair worklet (RUNBOOK §2)
      for (const u of outside) problems.push(`${p.role}: the UI asked for ${u} (blocked)`);
    }
    if (BOT_LOG && fs.existsSync(BOT_LOG)) {
      const { known, unknown } = botLogProblems(BOT_LOG);
      problems.push(...unknown);
      for (const [issue, lines] of known) {
        const where = `bot.log lines ${lines.join(', ')}`;
        if (process.env.E2E_STRICT === '1') problems.push(`known bot issue ${issue.id} (${where}): ${issue.summary}`);
        else console.log(`     KNOWN BOT ISSUE ${issue.id} (${where}; reported, does not fail the run unless E2E_STRICT=1): ${issue.summary}`);
      }
      for (const issue of KNOWN_BOT_ISSUES.filter((k) => !known.has(k))) {
        console.log(`     known bot issue ${issue.id} did not occur this run: if the bot is fixed, remove it from lib/botlog.mjs`);
      }
    } else {
      problems.push(`no bot log to check (E2E_BOT_LOG=${BOT_LOG})`);
    }
    if (problems.length) throw new Error(`${problems.length} problem(s):\n       ${problems.join('\n       ')}`);
  });

// ---------------------------------------------------------------- run
let passed = 0, failed = 0;
const t0 = Date.now();
let failure = null;
try {
  state.browser = await launchBrowser(chromium);
  for (const [i, s] of steps.entries()) {
    const ts = Date.now();
    console.log(`---- step ${i + 1}/${steps.length}: ${s.name}`);
    try {
      await s.run();
      passed++;
      console.log(`PASS ${s.name} (${((Date.now() - ts) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      failure = { step: s, error: e };
      console.log(`FAIL ${s.name} (${((Date.now() - ts) / 1000).toFixed(1)} s)`);
      console.log(`     expected: ${s.expect}`);
      console.log(`     got: ${String(e.message || e)}`);
      for (const p of people) {
        if (!p.page) continue;
        const file = path.join(SHOTS, `FAIL-${String(i + 1).padStart(2, '0')}-${p.role}.png`);
        await p.page.screenshot({ path: file }).then(() => console.log(`     screenshot ${file}`), () => {});
        // what the page offers to assistive technology (and to locators), for the diagnosis
        await p.page.locator('body').ariaSnapshot({ timeout: 5000 })
          .then((aria) => fs.writeFileSync(file.replace(/\.png$/, '.aria.yml'), aria), () => {});
      }
      const left = steps.slice(i + 1).map((x) => x.name);
      if (left.length) console.log(`     not run (they need this step): ${left.join('; ')}`);
      break;
    }
  }
} catch (e) {
  failed++;
  console.log(`FAIL setting up the browser: ${e.message}`);
} finally {
  for (const p of people) await p.close();
  await state.browser?.close().catch(() => {});
}
console.log(`e2e: screenshots in ${SHOTS}; WebSocket traffic in ${RESULTS}/*-ws.jsonl; ${((Date.now() - t0) / 1000).toFixed(1)} s in the browser`);
if (failure) console.log(`e2e: FAILED at step "${failure.step.name}"`);
const summary = `e2e: ${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(RESULTS, 'summary.txt'), summary + '\n');
if (!process.env.E2E_SUMMARY_BY_RUNNER) console.log(summary); // run.sh prints it as its very last line

process.exit(failed ? 1 : 0);
