package io.civickit.web.internal;

import io.civickit.core.JourneyClassifier;
import io.civickit.core.Step;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.progress.KeyRing;
import io.civickit.forms.Form;
import io.civickit.forms.address.AddressLookup;
import io.civickit.notify.Notifier;
import io.civickit.submit.Submissions;
import io.civickit.web.AgentConsole;
import io.civickit.web.Branding;
import io.civickit.web.PageHandler;
import io.civickit.web.StepPage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything {@code JourneyRunner.Builder} collected, checked.
 *
 * @param form the form
 * @param dataSource the database
 * @param keyRing the key ring for answers and handoff packages
 * @param serverKey the key for passcode hashes
 * @param notifier where emails go
 * @param publicUrl the URL people use
 * @param clock the clock
 * @param branding the page chrome
 * @param texts replaced runner texts
 * @param console the agent console, if mounted
 * @param emailQuestion the question holding the person's email address, if the email check runs
 * @param extraSteps steps after check answers (and the email check), in order
 * @param stepPages pages of steps that are not form pages
 * @param pages host pages by "METHOD path"
 * @param classifier the segment classifier, if any
 * @param fallbackChannels where help requests go when the console cannot take them
 * @param failuresBeforeHandoff failed submissions of a page before an adviser takes over
 * @param maxBodyBytes the largest form body
 * @param maxFields the most fields in a form
 * @param sessionIdle how long a session lasts unused
 * @param secureCookies whether cookies are Secure (and {@code __Host-})
 * @param purgeEvery how often the purges run (zero: never)
 * @param handoffRetention how long closed handoffs are kept
 * @param installSchema whether to create the tables at start
 * @param onClose what to close with the runner
 * @param submissions where completed journeys are submitted, if anywhere
 * @param submissionRetention how long stored submission documents are kept once delivered (zero: for ever)
 * @param addressLookup finds addresses by postcode for address questions, if set
 * @param payments the payment step's settings, if payments are taken
 * @param sessionWarning how long before the session ends the timeout warning opens
 * @param paths the base path the service is mounted at
 */
public record RunnerConfig(Form form, DataSource dataSource, KeyRing keyRing, byte[] serverKey, Notifier notifier,
    URI publicUrl, Clock clock, Branding branding, Map<String, String[]> texts, Optional<AgentConsole> console,
    Optional<String> emailQuestion, List<Step> extraSteps, Map<String, StepPage> stepPages, Map<String, PageHandler> pages,
    Optional<JourneyClassifier> classifier, List<HandoffChannel> fallbackChannels, int failuresBeforeHandoff,
    int maxBodyBytes, int maxFields, Duration sessionIdle, boolean secureCookies, Duration purgeEvery,
    Duration handoffRetention, boolean installSchema, List<AutoCloseable> onClose, Optional<Submissions> submissions,
    Duration submissionRetention, Optional<AddressLookup> addressLookup, Optional<PayConfig> payments,
    Duration sessionWarning, Paths paths) {}
