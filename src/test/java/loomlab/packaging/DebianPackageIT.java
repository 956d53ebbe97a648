package loomlab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.LectureClients;
import loomlab.ServerProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'make deb' as CI runs it, without systemd: packaging/deb/build-deb.sh builds the package once
 * for the class (jlink, the check of every subcommand on the trimmed runtime, dpkg-deb); dpkg-deb
 * shows what is in it; it is unpacked into a scratch root and its loomlab runs from there with no
 * Java on the PATH and no JAVA_HOME; its maintainer scripts run against stand-ins that record
 * what they were asked to do; lintian finds no error.
 */
class DebianPackageIT {

    private static final Pattern BUILT = Pattern.compile("^deb: ok: (\\S+\\.deb) ", Pattern.MULTILINE);

    @TempDir static Path dir;
    static Path deb;
    static Path root;
    static String buildLog;

    @BeforeAll
    static void buildThePackage() throws Exception {
        for (String tool : List.of("dpkg-deb", "dpkg-shlibdeps", "strip")) {
            assumeTrue(SystemdUnitTest.onPath(tool),
                    tool + " is not installed: the Debian package was not built (apt-get install dpkg-dev)");
        }
        Path jdk = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(jdk.resolve("bin/jlink")), jdk + " has no jlink: the Debian package was not built");
        ProcessBuilder pb = new ProcessBuilder("packaging/deb/build-deb.sh").redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("DEB_XZ_LEVEL", "1"); // seconds instead of a minute; the same files
        Process build = pb.start();
        buildLog = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(10, TimeUnit.MINUTES), "the package build did not finish");
        assertEquals(0, build.exitValue(), buildLog);
        Matcher m = BUILT.matcher(buildLog);
        assertTrue(m.find(), buildLog);
        deb = Path.of(m.group(1));

        root = dir.resolve("root");
        run("dpkg-deb", "-x", deb.toString(), root.toString());
    }

    @Test
    void theBuildRanEverySubcommandOnTheTrimmedRuntime() {
        assertTrue(buildLog.contains("deb: check: every subcommand on the package's"), buildLog);
        assertEquals(2, buildLog.split("check-runtime: ok: every subcommand answered", -1).length - 1,
                "on the JDK (census) and on the package's runtime:\n" + buildLog);
        assertTrue(buildLog.contains("serve, client, addr, hostname, dns, load, demo"), buildLog);
    }

    /** The build's check of the runtime fails when a module is missing (here the live page's HTTP server, which the demo starts). */
    @Test
    void theRuntimeCheckFailsWithoutAModuleTheSubcommandsNeed() throws Exception {
        String modules = String.join(",", Files.readString(root.resolve("usr/lib/loomlab/runtime/release")).lines()
                .filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow()
                .replaceAll("MODULES=|\"", "").replace("jdk.httpserver", "").trim().split("\\s+"));
        Process check = new ProcessBuilder("packaging/deb/check-runtime.sh", ServerProcess.javaBinary(),
                "--limit-modules", modules, "-jar", ServerProcess.jar().toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(5, TimeUnit.MINUTES), "the check did not finish");
        assertEquals(1, check.exitValue(), out);
        assertTrue(out.contains("com/sun/net/httpserver"), out);
        assertTrue(out.contains("check-runtime: 'loomlab demo"), out);
    }

    @Test
    void holdsTheCommandItsRuntimeTheUnitTheConfigAndTheDocs() throws Exception {
        List<String> files = run("dpkg-deb", "--contents", deb.toString()).lines()
                .map(l -> l.substring(l.indexOf("./") + 1).replaceAll(" -> .*", "")).toList();
        for (String f : List.of("/usr/bin/loomlab", "/usr/share/loomlab/server.jar",
                "/usr/lib/loomlab/runtime/bin/java", "/usr/lib/loomlab/runtime/lib/modules",
                "/usr/lib/loomlab/runtime/lib/server/classes.jsa", "/lib/systemd/system/loomlab.service",
                "/etc/loomlab/config.json", "/etc/default/loomlab", "/usr/share/man/man1/loomlab.1.gz",
                "/usr/share/doc/loomlab/copyright", "/usr/share/doc/loomlab/changelog.gz",
                "/usr/share/doc/loomlab/examples/lab.json")) {
            assertTrue(files.contains(f), f + " is not in the package: " + files);
        }
        assertFalse(files.contains("/usr/lib/loomlab/runtime/bin/javac"), "a runtime, not a JDK");
        assertTrue(files.stream().noneMatch(f -> f.endsWith(".jmod")), "no jmods");
        // Every file belongs to root: the service's user and cache come from the postinst.
        assertTrue(run("dpkg-deb", "--contents", deb.toString()).lines().allMatch(l -> l.contains(" root/root ")));

        assertEquals(Files.readString(Path.of("packaging/config.json")), Files.readString(root.resolve("etc/loomlab/config.json")));
        String runtime = Files.readString(root.resolve("usr/lib/loomlab/runtime/release"));
        for (String module : List.of("java.base", "java.logging", "jdk.httpserver", "jdk.jfr", "jdk.management", "jdk.unsupported")) {
            assertTrue(runtime.matches("(?s).*MODULES=\"[^\"]*\\b" + module + "\\b.*"), module + " not in the runtime: " + runtime);
        }
        assertFalse(runtime.contains("java.desktop"), runtime);
    }

    @Test
    void controlConffilesAndDependencies() throws Exception {
        Map<String, String> control = new java.util.HashMap<>();
        for (String field : List.of("Package", "Version", "Architecture", "Depends", "Maintainer", "Installed-Size", "Section")) {
            control.put(field, run("dpkg-deb", "--field", deb.toString(), field).strip());
        }
        assertEquals("loomlab", control.get("Package"));
        String jarVersion = run(ServerProcess.javaBinary(), "-jar", ServerProcess.jar().toString(), "--version").lines().findFirst()
                .orElseThrow().substring("loomlab ".length());
        assertEquals(jarVersion.toLowerCase().replace('-', '~'), control.get("Version"));
        assertEquals("loomlab_" + control.get("Version") + "_" + control.get("Architecture") + ".deb", deb.getFileName().toString());
        assertTrue(control.get("Depends").matches("adduser, .*\\blibc6 \\(>= [0-9.]+\\).*"), control.get("Depends"));
        assertFalse(control.get("Depends").contains("java"), "no system Java: " + control.get("Depends"));

        Path ctrl = dir.resolve("control");
        run("dpkg-deb", "--control", deb.toString(), ctrl.toString());
        assertEquals(List.of("/etc/loomlab/config.json", "/etc/default/loomlab"), Files.readAllLines(ctrl.resolve("conffiles")));
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertTrue(Files.isExecutable(ctrl.resolve(script)), script);
            run("sh", "-n", ctrl.resolve(script).toString());
        }
        assertTrue(Files.readString(ctrl.resolve("md5sums")).contains("usr/lib/loomlab/runtime/lib/server/libjvm.so"));
    }

    /** The maintainer scripts as dpkg calls them, each command they run answered by a stand-in that logs it. */
    @Test
    void maintainerScriptsCreateTheUserEnableStopDisableAndPurge() throws Exception {
        Path ctrl = dir.resolve("scripts");
        run("dpkg-deb", "--control", deb.toString(), ctrl.toString());
        boolean systemd = Files.isDirectory(Path.of("/run/systemd/system"));

        List<String> install = maintainerScript(ctrl, "postinst", false, "configure");
        assertTrue(install.contains("adduser --quiet --system --group --no-create-home --home /nonexistent --shell /usr/sbin/nologin loomlab"), install.toString());
        assertTrue(install.contains("install -d -o loomlab -g loomlab -m 750 /var/cache/loomlab"), install.toString());
        assertTrue(install.contains("deb-systemd-helper enable loomlab.service"), install.toString());
        assertEquals(systemd, install.contains("deb-systemd-invoke start loomlab.service"), "start only where systemd runs: " + install);

        List<String> upgrade = maintainerScript(ctrl, "postinst", true, "configure", "0.0.1");
        assertFalse(upgrade.stream().anyMatch(l -> l.startsWith("adduser")), "the user exists: " + upgrade);
        assertEquals(systemd, upgrade.contains("deb-systemd-invoke restart loomlab.service"), upgrade.toString());

        List<String> remove = maintainerScript(ctrl, "prerm", true, "remove");
        assertTrue(remove.contains("deb-systemd-helper disable loomlab.service"), remove.toString());
        assertEquals(systemd, remove.contains("deb-systemd-invoke stop loomlab.service"), remove.toString());
        assertEquals(List.of(), maintainerScript(ctrl, "prerm", true, "upgrade", "0.0.2"), "an upgrade keeps it running");

        List<String> purge = maintainerScript(ctrl, "postrm", true, "purge");
        for (String expected : List.of("rm -rf /var/cache/loomlab", "deb-systemd-helper purge loomlab.service",
                "deluser --quiet --system loomlab", "rmdir --ignore-fail-on-non-empty /etc/loomlab")) {
            assertTrue(purge.contains(expected), expected + " not in " + purge);
        }
        List<String> plainRemove = maintainerScript(ctrl, "postrm", true, "remove");
        assertTrue(plainRemove.stream().noneMatch(l -> l.startsWith("deluser") || l.startsWith("rm ")), "remove keeps user and config: " + plainRemove);
    }

    /**
     * Runs a maintainer script with a PATH of stand-ins only (every command it runs is logged and
     * succeeds; getent answers whether the user exists) and returns the commands it ran.
     */
    private static List<String> maintainerScript(Path ctrl, String script, boolean userExists, String... args) throws Exception {
        Path bin = Files.createTempDirectory(dir, "bin");
        Path log = bin.resolve("calls.log");
        for (String command : List.of("adduser", "deluser", "delgroup", "userdel", "groupdel", "install", "rm", "rmdir",
                "deb-systemd-helper", "deb-systemd-invoke", "systemctl", "getent")) {
            Path standIn = bin.resolve(command);
            String answer = command.equals("getent") ? (userExists ? "exit 0" : "exit 2") : "exit 0";
            Files.writeString(standIn, "#!/bin/sh\necho \"" + command + " $*\" >> " + log + "\n" + answer + "\n");
            Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", ctrl.resolve(script).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), script + " " + String.join(" ", args) + ": " + out);
        return Files.exists(log)
                ? Files.readAllLines(log).stream().filter(l -> !l.startsWith("getent ")).toList()
                : List.of();
    }

    @Test
    void unpackedItServesTheLecturesClientsWithNoJavaOfTheMachine() throws Exception {
        Path config = dir.resolve("lab.json");
        Files.writeString(config, """
                { "shutdownGrace": "2s",
                  "services": [
                    { "name": "echo",        "protocol": "echo", "transport": "tcp", "port": 0 },
                    { "name": "calc",        "protocol": "calc", "transport": "tcp", "port": 0 },
                    { "name": "calc-serial", "protocol": "calc", "transport": "tcp", "port": 0, "mode": "serial" },
                    { "name": "calc-udp",    "protocol": "calc", "transport": "udp", "port": 0 } ] }
                """);
        ServerProcess server = ServerProcess.start(packaged("--config", config.toString()));
        try {
            server.awaitServing("echo", "calc", "calc-serial", "calc-udp");
            String echo = String.valueOf(server.port("echo"));
            assertEquals("-3", run(packaged("client", "calc", "-q", "127.0.0.1", String.valueOf(server.port("calc")), "5", "8", "1")).strip());
            assertEquals("hola", run(packaged("client", "echo", "-q", "127.0.0.1", echo, "hola")).strip());

            assumeTrue(LectureClients.python() != null, "python3 not installed: the lecture's clients were not run");
            assertEquals(List.of("connecting to 127.0.0.1 port " + echo, "Recibido= Esto es una cadena ", "closing socket"),
                    LectureClients.run(dir, "client_echo.py", "127.0.0.1", echo));
            assertEquals("-3", LectureClients.run(dir, "client_calc.py", "127.0.0.1", String.valueOf(server.port("calc"))).get(1));
            assertEquals("13", LectureClients.run(dir, "client_calc.py", "127.0.0.1", String.valueOf(server.port("calc-serial")),
                    "5", "8", "0").get(1));
            assertEquals("(510,)", LectureClients.run(dir, "udp_client_calc.py", "127.0.0.1", String.valueOf(server.port("calc-udp"))).get(0));
            assertEquals(0, server.stop(), server.log().toString());
            assertTrue(server.log().stream().anyMatch(l -> l.contains("SIGTERM: stopping")), server.log().toString());
        } finally {
            server.close();
        }
    }

    @Test
    void versionNamesTheBundledRuntime() throws Exception {
        String out = run(packaged("--version"));
        Path runtime = root.resolve("usr/lib/loomlab/runtime").toRealPath();
        assertTrue(out.startsWith("loomlab "), out);
        assertTrue(out.contains("Java " + Runtime.version().feature()), out);
        assertTrue(out.contains("Server VM " + System.getProperty("java.vm.version") + "), bundled runtime " + runtime), out);
    }

    /**
     * The packaged unit: the package's paths, class data kept in the cache directory with the
     * options docs/performance.md measured best, and systemd-analyze verify finds nothing. Its
     * JAVA_OPTS on the packaged runtime write the class data at the first stop and start from it.
     */
    @Test
    void theUnitStartsTheCommandFromClassDataTheJvmKeeps() throws Exception {
        String unit = Files.readString(root.resolve("lib/systemd/system/loomlab.service"));
        assertTrue(unit.contains("\nExecStart=/usr/bin/loomlab --config /etc/loomlab/config.json\n"), unit);
        assertTrue(unit.contains("\nCacheDirectory=loomlab\n"), unit);
        assertTrue(unit.contains("\nUser=loomlab\n"), unit);
        String prefix = "Environment=\"JAVA_OPTS=";
        String javaOpts = unit.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        javaOpts = javaOpts.substring(prefix.length(), javaOpts.length() - 1);
        assertTrue(javaOpts.contains("-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/var/cache/loomlab/server.jsa -Xlog:cds=off"), javaOpts);
        assertEquals(Runtime.version().feature() >= 25, javaOpts.contains("-XX:+UseCompactObjectHeaders"), javaOpts);

        if (SystemdUnitTest.onPath("systemd-analyze")) {
            Path unitDir = Files.createDirectories(dir.resolve("unit"));
            SystemdUnitTest.assertVerifies(unit, "/usr/bin/loomlab", root.resolve("usr/bin/loomlab"), unitDir);
        }

        Path cache = Files.createDirectories(dir.resolve("cache"));
        String opts = javaOpts.replace("/var/cache/loomlab", cache.toString());
        Path config = dir.resolve("echo.json");
        Files.writeString(config, "{ \"shutdownGrace\": \"1s\", \"services\": [ { \"name\": \"echo\", \"protocol\": \"echo\","
                + " \"transport\": \"tcp\", \"port\": 0 } ] }");
        for (int start = 1; start <= 2; start++) {
            ProcessBuilder pb = packaged("--config", config.toString());
            pb.environment().put("JAVA_OPTS", opts);
            ServerProcess server = ServerProcess.start(pb);
            try {
                server.awaitServing("echo");
                assertEquals(0, server.stop());
                List<String> jvmNotes = server.log().stream().filter(l -> l.matches("^\\[[0-9.]+s\\]\\[.*")).toList();
                assertEquals(List.of(), jvmNotes, "the JVM's unified log reached the output");
            } finally {
                server.close();
            }
            assertTrue(Files.isRegularFile(cache.resolve("server.jsa")), "no class data after start " + start + ": " + server.log());
        }
    }

    @Test
    void lintianFindsNoError() throws Exception {
        assumeTrue(SystemdUnitTest.onPath("lintian"), "lintian is not installed: the package was not linted");
        Process p = new ProcessBuilder("lintian", "--tag-display-limit", "0", deb.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "lintian did not finish");
        System.out.println("lintian " + deb + ":\n" + out);
        List<String> errors = out.lines().filter(l -> l.startsWith("E: ")).toList();
        assertEquals(List.of(), errors, out);
        assertEquals(0, p.exitValue(), out);
    }

    /**
     * The unpacked package's loomlab, run as a user with no Java would: a PATH that holds only the
     * two tools the launcher uses, no JAVA_HOME, no JAVA_OPTS.
     */
    private static ProcessBuilder packaged(String... args) throws IOException {
        Path bin = dir.resolve("no-java-bin");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            for (String tool : List.of("dirname", "readlink")) {
                Path standIn = bin.resolve(tool);
                Files.writeString(standIn, "#!/bin/sh\nexec " + Path.of("/usr/bin", tool).toRealPath() + " \"$@\"\n");
                Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        List<String> cmd = new ArrayList<>(List.of(root.resolve("usr/bin/loomlab").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().put("PATH", bin.toString());
        return pb;
    }

    private static String run(String... command) throws Exception {
        return run(new ProcessBuilder(command));
    }

    /** Runs a command to its end (exit 0 expected) and returns its output, stderr included. */
    private static String run(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), pb.command() + " did not finish");
        assertEquals(0, p.exitValue(), pb.command() + ": " + out);
        return out;
    }
}
