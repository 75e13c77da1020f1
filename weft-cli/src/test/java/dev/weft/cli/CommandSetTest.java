package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which subcommands picocli is told about: only the one being run, so start-up skips building the others. */
class CommandSetTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneRegistered() {
        assertThat(CommandSet.needed("serve", "site", "--port", "0")).containsExactly(ServeCommand.class);
    }

    @Test
    void debugBeforeTheSubcommandStillPicksIt() {
        assertThat(CommandSet.needed("--debug", "copy", "a", "b")).containsExactly(CopyCommand.class);
    }

    @Test
    void aVersionRequestNeedsNoSubcommand() {
        assertThat(CommandSet.needed("--version")).isEmpty();
        assertThat(CommandSet.needed("--debug", "-V")).isEmpty();
    }

    @Test
    void helpUsageAndUnknownWordsGetEverySubcommand() {
        assertThat(CommandSet.needed()).isEqualTo(WeftCommand.SUBCOMMANDS);
        assertThat(CommandSet.needed("--help")).isEqualTo(WeftCommand.SUBCOMMANDS);
        assertThat(CommandSet.needed("--version", "--help")).isEqualTo(WeftCommand.SUBCOMMANDS);
        assertThat(CommandSet.needed("srve")).isEqualTo(WeftCommand.SUBCOMMANDS);
        assertThat(CommandSet.needed("--no-such-option", "serve")).isEqualTo(WeftCommand.SUBCOMMANDS);
    }

    @Test
    void everySubcommandIsFoundByTheNameItIsTypedAs() {
        for (Class<?> subcommand : WeftCommand.SUBCOMMANDS) {
            if (subcommand != picocli.CommandLine.HelpCommand.class) {
                assertThat(CommandSet.needed(CommandSet.name(subcommand))).containsExactly(subcommand);
            }
        }
    }

    @Test
    void everySubcommandsModelHasTheNameItsClassGives() {
        picocli.CommandLine all = Main.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), WeftCommand.SUBCOMMANDS);

        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(
                WeftCommand.SUBCOMMANDS.stream().map(CommandSet::name).toList());
    }

    @Test
    void aGroupGetsOnlyTheSubcommandNamedAfterIt() {
        assertThat(CommandSet.nested(FilesCommand.class, FilesCommand.SUBCOMMANDS, "files", "get", "h:1", "a"))
                .containsExactly(FilesCommand.Get.class);
        assertThat(CommandSet.nested(FilesCommand.class, FilesCommand.SUBCOMMANDS, "--debug", "files", "list", "h"))
                .containsExactly(FilesCommand.ListFiles.class);
    }

    @Test
    void aGroupWithoutANamedSubcommandGetsThemAll() {
        for (String[] args : List.of(new String[] {"files"}, new String[] {"files", "--help"},
                new String[] {"files", "gett"}, new String[] {"help", "files"}, new String[] {"time", "get"})) {
            assertThat(CommandSet.nested(FilesCommand.class, FilesCommand.SUBCOMMANDS, args))
                    .as(String.join(" ", args)).isEqualTo(FilesCommand.SUBCOMMANDS);
        }
    }

    @Test
    void everyGroupsSubcommandIsFoundByItsName() {
        WeftCommand.GROUPS.forEach((group, nested) -> {
            for (Class<?> subcommand : nested) {
                String name = subcommand.getAnnotation(picocli.CommandLine.Command.class).name();
                assertThat(CommandSet.nested(group, nested, CommandSet.name(group), name, "x"))
                        .as(name).containsExactly(subcommand);
            }
        });
    }

    @Test
    void aGroupsHelpStillListsEverySubcommand() {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "files", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("server", "get", "list", "put");
    }

    @Test
    void copyStartsWithoutReadingAnnotations() throws Exception {
        // a child JVM: this one has long read annotations; -Xlog shows whether any proxy class is made
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "copy", "--dry-run", "/nonexistent/weft-src", "/nonexistent/weft-dst")
                .redirectErrorStream(true).start();
        String log = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(child.waitFor()).isEqualTo(1);
        assertThat(log).contains("weft: copy: source does not exist").doesNotContain("$Proxy");
    }

    @Test
    void helpWithACommandNameShowsThatCommandsHelp() {
        assertThat(CommandSet.needed("help", "copy")).isEqualTo(WeftCommand.SUBCOMMANDS);
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "help", "copy");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Usage: weft copy");
    }

    @Test
    void helpListsEverySubcommandThatIsNotHidden() {
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--help");

        picocli.CommandLine all = Main.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), WeftCommand.SUBCOMMANDS);
        all.getSubcommands().forEach((name, subcommand) -> {
            if (!subcommand.getCommandSpec().usageMessage().hidden()) {
                assertThat(out.toString()).contains("  " + name + " ");
            }
        });
    }

    @Test
    void anUnknownSubcommandIsStillABadUsageNamingIt() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "srve");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("weft: unknown command 'srve'; did you mean 'serve'?").contains("Try 'weft --help'");
    }

    @Test
    void theInheritedDebugOptionReachesALoneSubcommand() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "copy", "--debug", "/nonexistent/weft-src", "/nonexistent/weft-dst");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("weft: copy: ").contains("\tat "); // --debug shows the stack trace
    }
}
