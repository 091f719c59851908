package io.firebreak.devstack;

import java.util.ArrayList;
import java.util.List;

/**
 * Ties the lifetime of a command that is not a Java main of ours (Keycloak's kc.sh, a packaged Quarkus app) to a
 * parent process, as {@link ParentBoundMain} does for the broker. A POSIX shell starts a watcher in the background,
 * then execs the command: the command keeps the shell's pid (so the pid file and {@link ManagedProcess#stop} see the
 * real server), and the watcher, now its child, sends it SIGTERM (a graceful stop) within a second of the parent's
 * death, even when the parent was killed with -9. The watcher leaves by itself when the command ends first.
 */
final class ParentBoundCommand {

    private static final String WATCHDOG_SCRIPT = """
            parent=$1; shift
            ( while kill -0 "$parent" 2>/dev/null; do
                kill -0 $$ 2>/dev/null || exit 0
                sleep 1
              done
              kill $$ 2>/dev/null ) </dev/null >/dev/null 2>&1 &
            exec "$@"
            """;

    private ParentBoundCommand() {
    }

    /** {@code command} itself when there is no parent to follow. */
    static List<String> of(List<String> command, Long parentPid) {
        if (parentPid == null) {
            return command;
        }
        List<String> bound = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG_SCRIPT, "firebreak-watchdog",
                parentPid.toString()));
        bound.addAll(command);
        return bound;
    }
}
