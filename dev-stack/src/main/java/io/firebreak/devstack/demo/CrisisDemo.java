package io.firebreak.devstack.demo;

import static io.firebreak.devstack.FirebreakService.MONITORING;
import static io.firebreak.devstack.FirebreakService.NOTIFICATION;
import static io.firebreak.devstack.FirebreakService.PLAYBOOK;
import static io.firebreak.devstack.FirebreakService.PUBLISHING;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.FirebreakService;
import io.firebreak.devstack.MailServer;
import io.firebreak.devstack.StackException;
import io.firebreak.devstack.StackSettings;
import io.firebreak.devstack.emulator.PlatformEmulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./firebreak demo}: replays a crisis on the running stack and narrates it. Banque Horizon's app goes down;
 * a calm baseline of posts is followed by a surge of angry ones; the surge is signalled, the outage playbook is
 * proposed and activated, its role holders are reached and acknowledge, the holding statement is drafted from
 * its template, tone-checked, approved by someone else and published on the local Mastodon emulator, a promotional
 * post is held, critics are answered in their threads, an update follows, the crisis is resolved with a public
 * apology and the timeline shows it all.
 * Everything it creates carries the run's id, and the watch it listens with is deleted at the end, so it can run
 * again.
 */
public final class CrisisDemo {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final String BRAND = "Banque Horizon";
    private static final String DEMO_DOMAIN = "firebreak.local";

    private final StackSettings settings;
    private final DemoApi api;
    private final PrintStream out;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final Instant started = Instant.now();
    private final Map<String, String> figures = new LinkedHashMap<>();
    /** The phone this run registered; removed at the end so that the next run pushes to its own phone only. */
    private String deviceId;

    /** Runs on the stack {@code ./firebreak up} started; a {@link StackException} says what stopped it. */
    public CrisisDemo(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.api = new DemoApi(settings.keycloakIssuer());
        this.out = out;
    }

    /** What a run did, for the system test that replays the same story. */
    public record Outcome(String runId, String watchId, String crisisId, String channelId, String promotionId,
                          String templateReplyId, String freeReplyId, String frenchCriticPostId,
                          String englishCriticPostId) {
    }

    public Outcome run() {
        say("Firebreak demo, run " + runId + ": " + BRAND + "'s mobile app goes down");
        requireRunning();
        closeLeftovers();

        step("Peacetime: an analyst watches the brand, an admin prepares the outage playbook and a Mastodon channel");
        String watchId = createWatch();
        String channelId = createMastodonChannel();
        String playbookId = createPlaybook(watchId, channelId);
        String promotionId = schedulePromotion(channelId);
        String deviceToken = registerPhone("employee");

        step("The surge: a calm baseline, then the app goes down and the angry posts pour in");
        int[] negativeOfTotal = replayPosts(watchId);
        JsonNode signal = awaitSignal(watchId, negativeOfTotal[0], negativeOfTotal[1]);

        step("The playbook is proposed; the crisis manager activates it and assigns the roles");
        String crisisId = awaitProposedCrisis(watchId, playbookId);
        assign(crisisId, "spokesperson", "employee");
        assign(crisisId, "crisis lead", "crisis-manager");
        api.post(playbook("/api/crises/" + crisisId + "/activate"), "crisis-manager",
                Map.of("reason", "IT confirms the app is down for every customer"));
        figures.put("activated", elapsed());
        say("Crisis " + crisisId + " is ACTIVE (signal " + signal.path("id").asText() + ")");

        step("Every role holder is reached and acknowledges");
        acknowledge(crisisId, "employee");
        showMail("employee");
        showPush(deviceToken);

        step("The holding statement: drafted from its template, tone-checked, approved by someone else, published");
        refusedDraft(crisisId, channelId);
        String holding = draft(crisisId, channelId, "HOLDING");
        publish(holding, crisisId, "holding statement");
        showHeld(promotionId);

        step("Answering critics in their own threads: from the inbox, tone-checked, approved, posted once");
        CriticReplies.Outcome replies = new CriticReplies(api, settings, this::say).run(crisisId, runId);
        figures.put("critics answered", elapsed());

        step("An update follows; the crisis is contained, then closed with a public apology");
        publish(draft(crisisId, channelId, "UPDATE"), crisisId, "update");
        api.post(playbook("/api/crises/" + crisisId + "/contain"), "crisis-manager",
                Map.of("reason", "the app is back for 95% of customers"));
        refusedResolution(crisisId);
        publish(draft(crisisId, channelId, "APOLOGY"), crisisId, "apology");
        api.post(playbook("/api/crises/" + crisisId + "/resolve"), "crisis-manager",
                Map.of("reason", "the app works for everyone again; apology published"));
        figures.put("resolved", elapsed());
        say("Crisis RESOLVED");

        step("The review: the whole timeline and its key times");
        showTimeline(crisisId);
        cleanUp(watchId);
        summary(crisisId);
        return new Outcome(runId, watchId, crisisId, channelId, promotionId, replies.templateReplyId(),
                replies.freeReplyId(), replies.frenchPostId(), replies.englishPostId());
    }

    // --- peacetime ---

    private void requireRunning() {
        for (FirebreakService service : FirebreakService.values()) {
            DemoApi.Answer ready = api.call("GET", settings.serviceUrl(service) + "/q/health/ready", null, null);
            if (!ready.ok()) {
                throw new StackException(service.module() + " is not ready at " + settings.serviceUrl(service)
                        + "; start Firebreak first: ./firebreak up");
            }
        }
        if (!api.call("GET", settings.emulatorUrl() + "/", null, null).ok()) {
            throw new StackException("the platform emulator is not running; ./firebreak up starts it");
        }
    }

    /** Crises an interrupted earlier run left open would hold this run's posts: they are closed first. */
    private void closeLeftovers() {
        for (JsonNode crisis : api.get(playbook("/api/crises?size=500"), "crisis-manager")) {
            String status = crisis.path("status").asText();
            if (!crisis.path("title").asText().contains("(demo ") || !List.of("PROPOSED", "ACTIVE", "CONTAINED")
                    .contains(status)) {
                continue;
            }
            String id = crisis.path("id").asText();
            Map<String, String> reason = Map.of("reason", "left open by an interrupted demo run");
            if (status.equals("PROPOSED")) {
                api.post(playbook("/api/crises/" + id + "/dismiss"), "crisis-manager", reason);
            } else {
                api.call("POST", playbook("/api/crises/" + id + "/no-apology"), "crisis-manager", reason);
                api.post(playbook("/api/crises/" + id + "/resolve"), "crisis-manager", reason);
            }
            say("Closed crisis " + id + ", left open by an earlier, interrupted demo run");
        }
    }

    private String createWatch() {
        JsonNode watch = api.post(monitoring("/api/watches"), "analyst", Map.of(
                "name", BRAND + " (demo " + runId + ")",
                "query", "\"banque horizon\" OR \"horizon bank\" OR #horizondown OR @banquehorizon OR @horizonbank",
                "languages", List.of("en", "fr")));
        say("Watch \"" + watch.path("name").asText() + "\" listens for the brand in French and English");
        return watch.path("id").asText();
    }

    private String createMastodonChannel() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "Mastodon @firebreak (demo " + runId + ")");
        request.put("platform", "MASTODON");
        request.put("baseUrl", settings.emulatorUrl() + "/mastodon");
        request.put("account", "firebreak");
        request.put("credentials", Map.of("accessToken", PlatformEmulator.MASTODON_TOKEN));
        JsonNode channel = api.post(publishing("/api/channels"), "admin", request);
        String channelId = channel.path("id").asText();
        DemoApi.Answer verified = api.call("POST", publishing("/api/channels/" + channelId + "/verify"), "admin", null);
        say("Channel " + channel.path("name").asText() + " on the local Mastodon emulator: verification "
                + (verified.ok() ? "passed" : "answered " + verified.status()));
        return channelId;
    }

    private String createPlaybook(String watchId, String channelId) {
        String definition = """
                {"scenario": {"name": "Service outage (demo %1$s)", "type": "OUTAGE",
                              "description": "The mobile banking app or online banking is down",
                              "strategy": "Acknowledge within 30 minutes, update every hour, apologise once fixed"},
                 "triggers": [{"watchId": "%2$s", "minSeverity": "MEDIUM"}],
                 "roles": [
                   {"name": "crisis lead", "responsibilities": ["Decide and coordinate"],
                    "tasks": [{"title": "Confirm the outage with IT", "dueOffsetMinutes": 15}]},
                   {"name": "spokesperson", "responsibilities": ["Speak for the bank", "Answer the press"],
                    "tasks": [{"title": "Read the holding statement", "dueOffsetMinutes": 20},
                              {"title": "Brief the call centre", "dueOffsetMinutes": 45}]}],
                 "templates": [
                   {"phase": "HOLDING", "channel": "%3$s", "language": "en",
                    "text": "{{brand}}: we know that {{incident_summary}}. Our teams are on it; next update at {{next_update_time}}."},
                   {"phase": "UPDATE", "channel": "%3$s", "language": "en",
                    "text": "{{brand}} update: {{incident_summary}}. Next update at {{next_update_time}}."},
                   {"phase": "APOLOGY", "channel": "%3$s", "language": "en",
                    "text": "{{brand}} apologises: {{incident_summary}}. We are sorry for the trouble this caused you."}],
                 "replyTemplates": %4$s,
                 "audiences": [{"name": "customers", "channels": ["%3$s"]}]}""".formatted(runId, watchId, channelId,
                CriticReplies.replyTemplates());
        JsonNode playbook = api.post(playbook("/api/playbooks"), "admin", definition);
        say("Playbook \"Service outage\" version " + playbook.path("version").asInt(1)
                + ": 2 roles, holding/update/apology templates, customers on Mastodon");
        return playbook.path("id").asText();
    }

    private String schedulePromotion(String channelId) {
        JsonNode promotion = api.post(publishing("/api/publications"), "communicator", Map.of(
                "channelId", channelId,
                "text", BRAND + ": 0% fees on your first year of savings! Open your account in the app today.",
                "scheduledAt", Instant.now().plus(30, ChronoUnit.MINUTES).toString()));
        say("A promotional post is scheduled in 30 minutes (" + promotion.path("state").asText() + ")");
        return promotion.path("id").asText();
    }

    private String registerPhone(String user) {
        String token = "demo-" + runId + "-" + user + ":APA91b" + Long.toHexString(started.toEpochMilli());
        JsonNode device = api.post(notification("/api/me/devices"), user, Map.of("platform", "ANDROID", "token", token,
                "appVersion", "1.0.0", "locale", "fr-FR"));
        deviceId = device.path("id").asText();
        say(user + " installs the Firebreak app; the phone registers for pushes");
        return token;
    }

    // --- the surge ---

    /**
     * Three calm hours are imported as the watch's history (counted in the buckets of their publication time, so
     * the detector starts warm), then the surge arrives live. Answers how many live posts scored negative, and
     * how many were stored.
     */
    private int[] replayPosts(String watchId) {
        DemoPosts posts = new DemoPosts();
        Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Map<String, Object>> history = posts.calm(thisMinute.minus(3, ChronoUnit.HOURS), thisMinute, 6, runId);
        int counted = 0;
        for (int from = 0; from < history.size(); from += 500) {
            JsonNode report = api.post(monitoring("/api/watches/" + watchId + "/history"), "analyst",
                    Map.of("mentions", history.subList(from, Math.min(history.size(), from + 500))));
            counted += report.path("counted").asInt();
            progress("past posts imported as the watch's history", counted, history.size());
        }
        out.println();
        List<Map<String, Object>> live = new ArrayList<>(posts.calm(thisMinute, thisMinute.plus(1, ChronoUnit.MINUTES),
                6, runId + "b"));
        live.addAll(posts.angry(thisMinute.minus(9, ChronoUnit.MINUTES), thisMinute.plus(1, ChronoUnit.MINUTES), 150,
                runId));
        int sent = 0;
        int negative = 0;
        for (int from = 0; from < live.size(); from += 500) {
            List<Map<String, Object>> batch = live.subList(from, Math.min(live.size(), from + 500));
            JsonNode report = api.post(monitoring("/api/mentions"), "analyst", Map.of("mentions", batch));
            sent += report.path("accepted").size();
            for (JsonNode accepted : report.path("accepted")) {
                negative += accepted.path("sentimentLabel").asText().equalsIgnoreCase("negative") ? 1 : 0;
            }
            progress("posts ingested and scored", sent, live.size());
        }
        out.println();
        say(counted + " calm posts over three hours imported as the watch's history; then " + live.size()
                + " posts arrive live, " + negative + " of them negative");
        return new int[] {negative, sent};
    }

    /**
     * The detector raises the signal when the surge's bucket closes (up to a minute and a few seconds). Should it
     * not within {@link #STEP_TIMEOUT}, the demo says so and the analyst raises it by hand, so the story goes on.
     */
    private JsonNode awaitSignal(String watchId, int negative, int total) {
        say("Waiting for the surge's one-minute bucket to close and the detector to judge it...");
        JsonNode detected;
        try {
            detected = DemoApi.await("the detector's signal", STEP_TIMEOUT,
                    () -> api.get(monitoring("/api/signals?watch=" + watchId), "analyst"), page -> page.size() > 0);
        } catch (StackException notDetected) {
            say("The detector raised nothing within " + STEP_TIMEOUT.toSeconds() + " s; the analyst, seeing "
                    + negative + " negative posts out of " + total + ", raises the signal by hand");
            api.post(monitoring("/api/signals"), "analyst", Map.of("watchId", watchId,
                    "watchName", BRAND + " (demo " + runId + ")", "severity", "HIGH",
                    "summary", "Surge of angry posts: the mobile app is down",
                    "windowStart", Instant.now().minus(10, ChronoUnit.MINUTES).toString(),
                    "windowEnd", Instant.now().toString(),
                    "observedVolume", total, "negativeShare", total == 0 ? 0 : (double) negative / total));
            detected = api.get(monitoring("/api/signals?watch=" + watchId), "analyst");
        }
        JsonNode signal = find(detected, "watchId", watchId);
        figures.put("signal", elapsed());
        say("Signal " + signal.path("severity").asText() + " raised by " + signal.path("raisedBy").asText("?")
                + ": " + signal.path("summary").asText());
        say("   observed " + signal.path("observedVolume").asLong() + " posts against "
                + Math.round(signal.path("expectedVolume").asDouble()) + " expected, "
                + Math.round(100 * signal.path("negativeShare").asDouble()) + "% negative");
        for (JsonNode post : limit(signal.path("drivingPosts"), 3)) {
            say("   driving post, reach " + post.path("reach").asLong() + ": " + post.path("text").asText());
        }
        return signal;
    }

    // --- activation ---

    private String awaitProposedCrisis(String watchId, String playbookId) {
        JsonNode crises = DemoApi.await("the outage playbook to be proposed", STEP_TIMEOUT,
                () -> api.get(playbook("/api/crises?status=PROPOSED&size=500"), "crisis-manager"),
                page -> find(page, "watchId", watchId) != null);
        JsonNode crisis = find(crises, "watchId", watchId);
        figures.put("proposed", elapsed());
        say("Crisis proposed with playbook " + (playbookId.equals(crisis.path("playbookId").asText())
                ? "\"Service outage\"" : crisis.path("playbookId").asText()) + ": " + crisis.path("title").asText());
        return crisis.path("id").asText();
    }

    private void assign(String crisisId, String role, String user) {
        api.post(playbook("/api/crises/" + crisisId + "/assignments"), "crisis-manager", Map.of(
                "role", role, "backup", false,
                "person", Map.of("subject", api.subjectOf(user), "username", user,
                        "email", user + "@" + DEMO_DOMAIN)));
        say("Assigned " + user + " as " + role);
    }

    private void acknowledge(String crisisId, String user) {
        JsonNode notifications = DemoApi.await(user + "'s notification", STEP_TIMEOUT,
                () -> api.get(notification("/api/me/notifications"), user),
                page -> find(page, "crisisId", crisisId) != null);
        JsonNode mine = find(notifications, "crisisId", crisisId);
        figures.put("notified", elapsed());
        say(user + " is notified (" + mine.path("channel").asText() + ", role " + mine.path("role").asText()
                + ") and reads the briefing");
        JsonNode briefing = api.get(playbook("/api/me/briefings/" + crisisId), user);
        say("   briefing: " + briefing.path("title").asText() + "; strategy: " + briefing.path("strategy").asText(""));
        api.post(notification("/api/notifications/" + mine.path("id").asText() + "/ack"), user, null);
        figures.put("acknowledged", elapsed());
        say(user + " acknowledges: \"I'm on it\"; their escalation stops");
    }

    private void showMail(String user) {
        String mailbox = MailServer.messagesUrl(settings.mailApiPort(), user + "@" + DEMO_DOMAIN);
        java.util.function.Predicate<String> thisRun = subject -> subject.contains("(demo " + runId + ")");
        JsonNode mail = DemoApi.await(user + "'s e-mail", STEP_TIMEOUT,
                () -> api.call("GET", mailbox, null, null).body(),
                messages -> messages != null && findWhere(messages, "subject", thisRun) != null);
        say("   e-mail in the local mail server: \"" + findWhere(mail, "subject", thisRun).path("subject").asText()
                + "\"");
    }

    private void showPush(String deviceToken) {
        JsonNode pushes = DemoApi.await("the push on the phone", STEP_TIMEOUT,
                () -> api.get(settings.emulatorUrl() + "/emulator/fcm/messages", null),
                messages -> findPush(messages, deviceToken) != null);
        JsonNode push = findPush(pushes, deviceToken).path("message");
        say("   push on the phone (local FCM emulator): \"" + push.at("/notification/title").asText() + "\"");
    }

    private static JsonNode findPush(JsonNode messages, String deviceToken) {
        for (JsonNode message : messages) {
            if (message.at("/message/token").asText().equals(deviceToken)) {
                return message;
            }
        }
        return null;
    }

    // --- statements ---

    private void refusedDraft(String crisisId, String channelId) {
        JsonNode draft = api.post(playbook("/api/crises/" + crisisId + "/statements"), "communicator", Map.of(
                "phase", "HOLDING", "channel", channelId, "language", "en",
                "text", "No comment. Some ill-intentioned users are spreading lies about our app."));
        DemoApi.Answer checked = api.call("POST", playbook("/api/statements/" + draft.path("id").asText()
                + "/tone-check"), "communicator", null);
        JsonNode statement = checked.body();
        say("A hasty draft, \"No comment. Some ill-intentioned users are spreading lies...\": tone check "
                + (statement == null || !checked.ok() ? "answered " + checked.status() + " " + checked.text()
                : statement.path("toneVerdict").asText()));
        if (statement != null) {
            for (JsonNode finding : limit(statement.path("toneFindings"), 3)) {
                say("   " + finding.path("category").asText() + ": \"" + finding.path("excerpt").asText() + "\" - "
                        + finding.path("reason").asText());
            }
        }
        api.call("POST", playbook("/api/statements/" + draft.path("id").asText() + "/cancel"), "communicator",
                Map.of("reason", "refused by the tone check"));
    }

    private String draft(String crisisId, String channelId, String phase) {
        String summary = switch (phase) {
            case "HOLDING" -> "our mobile app is unavailable for many of you";
            case "UPDATE" -> "the app is back for most of you, the last accounts follow within the hour";
            default -> "our app was down for three hours on " + LocalTime.now().format(CLOCK).substring(0, 5);
        };
        JsonNode statement = api.post(playbook("/api/crises/" + crisisId + "/statements"), "communicator", Map.of(
                "phase", phase, "channel", channelId, "language", "en",
                "values", Map.of("brand", BRAND, "incident_summary", summary,
                        "next_update_time", LocalTime.now().plusHours(1).format(CLOCK).substring(0, 5) + " UTC")));
        say(phase.toLowerCase() + " statement drafted from the template: \"" + statement.path("text").asText() + "\"");
        return statement.path("id").asText();
    }

    private void publish(String statementId, String crisisId, String what) {
        DemoApi.Answer own = api.call("POST", playbook("/api/statements/" + statementId + "/approve"), "communicator",
                Map.of());
        if (what.equals("holding statement")) {
            say("The author tries to approve their own draft: " + own.status() + " (four eyes)");
        }
        api.post(playbook("/api/statements/" + statementId + "/approve"), "approver", Map.of());
        say("approver approves the " + what + " after its tone check; it goes out now");
        JsonNode published = DemoApi.await("the " + what + " to be published", STEP_TIMEOUT,
                () -> api.get(publishing("/api/publications?crisisId=" + crisisId + "&size=100"), "communicator"),
                page -> find(page, "statementId", statementId) != null
                        && find(page, "statementId", statementId).path("state").asText().equals("PUBLISHED"));
        JsonNode publication = find(published, "statementId", statementId);
        figures.putIfAbsent("first statement published", elapsed());
        say("Published on Mastodon: " + publication.path("url").asText());
    }

    private void showHeld(String promotionId) {
        JsonNode promotion = DemoApi.await("the promotional post to be held", STEP_TIMEOUT,
                () -> api.get(publishing("/api/publications/" + promotionId), "communicator"),
                post -> post.path("state").asText().equals("HELD"));
        say("The promotional post is " + promotion.path("state").asText()
                + ": a brand does not advertise in the middle of its crisis");
    }

    private void refusedResolution(String crisisId) {
        DemoApi.Answer refused = api.call("POST", playbook("/api/crises/" + crisisId + "/resolve"), "crisis-manager",
                Map.of("reason", "fixed"));
        say("Resolving before any apology: " + refused.status() + " - "
                + (refused.body() == null ? "" : refused.body().path("detail").asText()));
    }

    // --- review ---

    private void showTimeline(String crisisId) {
        JsonNode timeline = api.get(playbook("/api/crises/" + crisisId + "/timeline"), "crisis-manager");
        JsonNode entries = timeline.path("entries");
        say("Timeline: " + entries.size() + " entries");
        for (JsonNode entry : limit(entries, 12)) {
            say("   " + entry.path("at").asText() + "  " + entry.path("kind").asText() + "  "
                    + entry.path("summary").asText());
        }
        JsonNode keyTimes = timeline.path("keyTimes");
        keyTimes.fields().forEachRemaining(time -> say("   key time " + time.getKey() + ": " + time.getValue().asText()));
        JsonNode replies = api.get(playbook("/api/crises/" + crisisId + "/review"), "crisis-manager").path("replies");
        say("Review: " + replies.path("criticsAnswered").asInt() + " critics answered, median answer time "
                + String.format(java.util.Locale.ROOT, "%.1f", replies.path("medianAnswerTime").asDouble()) + " s, " + replies.path("published").asInt()
                + " replies published");
    }

    private void cleanUp(String watchId) {
        api.call("DELETE", monitoring("/api/watches/" + watchId), "analyst", null);
        api.call("DELETE", notification("/api/me/devices/" + deviceId), "employee", null);
    }

    private void summary(String crisisId) {
        out.println();
        say("Done in " + elapsed() + ". Since the demo started:");
        figures.forEach((what, when) -> out.printf("   %-28s %s%n", what, when));
        out.println();
        out.println("Where to look (tokens: see ./firebreak up's output):");
        out.println("   crisis      " + playbook("/api/crises/" + crisisId));
        out.println("   timeline    " + playbook("/api/crises/" + crisisId + "/timeline"));
        out.println("   posts       " + settings.emulatorUrl() + "/emulator/mastodon/statuses");
        out.println("   e-mails     " + MailServer.messagesUrl(settings.mailApiPort(), "employee@" + DEMO_DOMAIN));
        out.println("   Swagger UIs " + settings.serviceUrl(PLAYBOOK) + "/q/swagger-ui (and ports "
                + settings.port(MONITORING) + ", " + settings.port(PUBLISHING) + ", " + settings.port(NOTIFICATION)
                + ")");
    }

    // --- helpers ---

    private void step(String title) {
        out.println();
        out.println("== " + title);
    }

    private void say(String line) {
        out.println(LocalTime.now().format(CLOCK) + "  " + line);
    }

    private void progress(String what, int done, int total) {
        out.print("\r" + LocalTime.now().format(CLOCK) + "  " + done + "/" + total + " " + what);
        out.flush();
    }

    private String elapsed() {
        return String.format(java.util.Locale.ROOT, "%.1f s", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        return findWhere(items, field, value::equals);
    }

    private static JsonNode findWhere(JsonNode items, String field, java.util.function.Predicate<String> match) {
        for (JsonNode item : items) {
            if (match.test(item.path(field).asText())) {
                return item;
            }
        }
        return null;
    }

    private static List<JsonNode> limit(JsonNode array, int max) {
        List<JsonNode> first = new ArrayList<>();
        for (JsonNode item : array) {
            if (first.size() == max) {
                break;
            }
            first.add(item);
        }
        return first;
    }

    private String monitoring(String path) {
        return settings.serviceUrl(MONITORING) + path;
    }

    private String playbook(String path) {
        return settings.serviceUrl(PLAYBOOK) + path;
    }

    private String publishing(String path) {
        return settings.serviceUrl(PUBLISHING) + path;
    }

    private String notification(String path) {
        return settings.serviceUrl(NOTIFICATION) + path;
    }
}
