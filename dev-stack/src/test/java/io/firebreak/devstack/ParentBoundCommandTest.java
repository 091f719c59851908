package io.firebreak.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentBoundCommandTest {

    @Test
    void commandStopsWhenItsParentIsKilled() throws Exception {
        Path workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "parent-bound");
        Process parent = new ProcessBuilder("sleep", "120").start();
        ManagedProcess child = ManagedProcess.start("sleeper",
                ParentBoundCommand.of(List.of("sleep", "120"), parent.pid()), Map.of(), workDir,
                workDir.resolve("sleeper.log"), null);
        ProcessHandle childHandle = ProcessHandle.of(child.pid()).orElseThrow();
        Await.until("the command in place of the shell", Duration.ofSeconds(10), child::isAlive,
                () -> childHandle.info().command().filter(command -> command.endsWith("/sleep")).isPresent(), "");

        parent.destroyForcibly().waitFor();

        assertThat(childHandle.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void commandWithoutParentIsLeftAsIs() {
        assertThat(ParentBoundCommand.of(List.of("sleep", "1"), null)).containsExactly("sleep", "1");
    }
}
