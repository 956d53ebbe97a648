package loomlab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 'make native' and 'make native-test' without GraalVM stop at once, before any build, with a
 * message that says what to install, and exit code 2.
 */
class MakeNativeIT {

    @ParameterizedTest
    @ValueSource(strings = {"native", "native-test"})
    void withoutGraalvmStopsAtOnceSayingWhatToInstall(String target, @TempDir Path notGraalvm) throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assumeFalse(Files.exists(javaHome.resolve("bin/native-image")), "this JDK is a GraalVM: 'make native' would build");
        assumeTrue(SystemdUnitTest.onPath("make"), "make is not installed");

        ProcessBuilder pb = new ProcessBuilder("make", "--no-print-directory", target).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("GRAALVM_HOME", notGraalvm.toString());
        pb.environment().remove("MAKEFLAGS");
        pb.environment().remove("MAKELEVEL");
        Process make = pb.start();
        String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(60, TimeUnit.SECONDS), "make did not finish");

        assertEquals(2, make.exitValue(), out);
        assertTrue(out.contains("needs GraalVM for JDK 21 or newer"), out);
        assertTrue(out.contains("set GRAALVM_HOME"), out);
        assertTrue(!out.contains("mvn"), "stopped before Maven:\n" + out);
    }
}
