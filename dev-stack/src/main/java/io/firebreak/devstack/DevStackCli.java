package io.firebreak.devstack;

import io.firebreak.devstack.demo.CrisisDemo;
import io.firebreak.devstack.emulator.PlatformEmulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Java side of {@code ./firebreak}: up, down and status of the local stack. The launcher builds the project and
 * passes the repository folder as {@code -Dfirebreak.repo}.
 */
public final class DevStackCli {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final List<String> DEMO_USERS =
            List.of("admin", "crisis-manager", "approver", "communicator", "analyst", "employee");
    private static final String DEMO_PASSWORD = "demo";
    private static final String DEMO_MAIL_DOMAIN = "firebreak.local";

    private final PrintStream out = System.out;

    private DevStackCli() {
    }

    public static void main(String[] args) {
        try {
            new DevStackCli().run(List.of(args));
        } catch (StackException e) {
            System.err.println("firebreak: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run(List<String> args) {
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        switch (command) {
            case "up" -> up(options);
            case "down" -> {
                requireNoOptions(command, options);
                stack().down();
                out.println("Firebreak is down.");
            }
            case "status" -> {
                requireNoOptions(command, options);
                status(stack());
            }
            case "demo" -> {
                requireNoOptions(command, options);
                new CrisisDemo(stack().settings(), out).run();
            }
            case "help", "--help", "-h" -> help();
            default -> throw new StackException("unknown command '" + command + "'; see ./firebreak help");
        }
    }

    private void up(List<String> options) {
        boolean infraOnly = options.contains("--infra-only");
        options.stream().filter(option -> !option.equals("--infra-only")).findFirst().ifPresent(option -> {
            throw new StackException("unknown option '" + option + "' for up; see ./firebreak help");
        });
        DevStack stack = stack();
        stack.up(!infraOnly);
        printWelcome(stack.settings(), infraOnly);
    }

    private void status(DevStack stack) {
        out.printf("%-22s %6s %9s  %s%n", "COMPONENT", "PORT", "PID", "STATE");
        for (DevStack.ComponentStatus component : stack.status()) {
            String pid = component.pid().isPresent() ? Long.toString(component.pid().getAsLong()) : "-";
            out.printf("%-22s %6d %9s  %s%n", component.name(), component.port(), pid, component.state());
        }
        out.println("Home: " + stack.settings().home());
    }

    private void printWelcome(StackSettings settings, boolean infraOnly) {
        out.println();
        out.println(infraOnly ? "Firebreak infrastructure is up (no services: --infra-only)." : "Firebreak is up.");
        out.println();
        if (!infraOnly) {
            for (FirebreakService service : FirebreakService.values()) {
                String url = settings.serviceUrl(service);
                out.printf("  %-22s %s/q/swagger-ui   health: %s/q/health%n", service.module(), url, url);
            }
        }
        out.printf("  %-22s %s   admin console: %s / %s%n", "Keycloak", settings.keycloakUrl(),
                KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
        out.printf("  %-22s SMTP %s:%d (no login, no TLS)   mailboxes: %s%n", "Mail (GreenMail)",
                MailServer.HOST, settings.smtpPort(), MailServer.mailboxesUrl(settings.mailApiPort()));
        out.printf("  %-22s messages: %s   API docs: %s/%n", "",
                MailServer.messagesUrl(settings.mailApiPort(), "<email>"), settings.mailApiUrl());
        out.printf("  %-22s Mastodon %s/mastodon (access token %s)   FCM %s/fcm%n", "Platform emulator",
                settings.emulatorUrl(), PlatformEmulator.MASTODON_TOKEN, settings.emulatorUrl());
        out.printf("  %-22s posts: %s/emulator/mastodon/statuses   pushes: %s/emulator/fcm/messages%n", "",
                settings.emulatorUrl(), settings.emulatorUrl());
        out.printf("  %-22s %s%n", "Kafka", settings.kafkaBootstrapServers());
        out.printf("  %-22s 127.0.0.1:%d   databases %s (user and password: the database name)%n", "PostgreSQL",
                settings.postgresPort(), String.join(", ", FirebreakService.databases()));
        out.println();
        out.println("Demo users of realm " + KeycloakServer.REALM + " (password: " + DEMO_PASSWORD + "): "
                + String.join(", ", DEMO_USERS));
        out.println("Get a token:");
        out.println("  curl -s -d grant_type=password -d client_id=firebreak-cli -d username=crisis-manager"
                + " -d password=" + DEMO_PASSWORD + " " + settings.keycloakIssuer() + "/protocol/openid-connect/token");
        out.println("Read the e-mails a demo user got (their address: <user>@" + DEMO_MAIL_DOMAIN + "):");
        out.println("  curl -s "
                + MailServer.messagesUrl(settings.mailApiPort(), "crisis-manager@" + DEMO_MAIL_DOMAIN));
        out.println();
        out.println("Logs: " + settings.logsDir());
        out.println("Stop: ./firebreak down");
    }

    private void help() {
        out.println("""
                Usage: ./firebreak <command>

                  up [--infra-only]   start PostgreSQL, Kafka, GreenMail, the platform emulator, Keycloak and the
                                      four services
                                      (--infra-only: all but the four services)
                  down                stop everything
                  status              show what runs, on which port
                  demo                replay a crisis on the running stack and narrate it
                  help                show this help""");
    }

    private DevStack stack() {
        Path repoRoot = Path.of(System.getProperty("firebreak.repo", "."));
        return DevStack.local(System.getenv(), repoRoot, this::report);
    }

    private void report(String message) {
        out.println(LocalTime.now().format(CLOCK.withLocale(Locale.ROOT)) + "  " + message);
    }

    private static void requireNoOptions(String command, List<String> options) {
        if (!options.isEmpty()) {
            throw new StackException("'" + command + "' takes no options; see ./firebreak help");
        }
    }
}
