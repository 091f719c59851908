package io.firebreak.devstack;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class and exits when the parent process dies, so a broker started by a test JVM
 * does not outlive it even when that JVM is killed. Arguments: parent pid, main class, its arguments.
 */
public final class ParentBoundMain {

    private ParentBoundMain() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        Thread watchdog = new Thread(() -> {
            ProcessHandle.of(parentPid).ifPresent(parent -> parent.onExit().join());
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
