package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mustache templates from a folder: escaping, partials, caching and clear errors. */
class TemplatesTest {

    @TempDir
    Path dir;

    @Test
    void variablesAreHtmlEscapedByDefault() throws Exception {
        Files.writeString(dir.resolve("info.html"), "<p>{{username}}</p>");
        assertThat(Templates.folder(dir).render("info", Map.of("username", "<b>\"zhang\" & san</b>")))
                .isEqualTo("<p>&lt;b&gt;&quot;zhang&quot; &amp; san&lt;/b&gt;</p>");
    }

    @Test
    void tripleBracesInsertRawHtml() throws Exception {
        Files.writeString(dir.resolve("raw.html"), "{{{html}}}");
        assertThat(Templates.folder(dir).render("raw.html", Map.of("html", "<b>bold</b>"))).isEqualTo("<b>bold</b>");
    }

    @Test
    void partialsComeFromTheSameFolder() throws Exception {
        Files.writeString(dir.resolve("header.html"), "<h1>{{title}}</h1>");
        Files.writeString(dir.resolve("page.html"), "{{> header}}<p>body</p>");
        assertThat(Templates.folder(dir).render("page", Map.of("title", "Home"))).isEqualTo("<h1>Home</h1><p>body</p>");
    }

    @Test
    void missingTemplateFailsNamingIt() {
        assertThatThrownBy(() -> Templates.folder(dir).render("nope", Map.of()))
                .isInstanceOf(TemplateNotFoundException.class)
                .hasMessage("no template 'nope' in " + dir.toAbsolutePath().normalize());
    }

    @Test
    void missingPartialFailsNamingThePartial() throws Exception {
        Files.writeString(dir.resolve("page.html"), "{{> footer}}");
        assertThatThrownBy(() -> Templates.folder(dir).render("page", Map.of()))
                .isInstanceOf(TemplateNotFoundException.class)
                .hasMessageContaining("'footer'");
    }

    @Test
    void templateOutsideTheFolderIsNotFound() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Path templates = Files.createDirectory(dir.resolve("templates"));
        assertThatThrownBy(() -> Templates.folder(templates).render("../secret.txt", Map.of()))
                .isInstanceOf(TemplateNotFoundException.class);
    }

    @Test
    void compiledTemplatesAreCached() throws Exception {
        Path file = Files.writeString(dir.resolve("cached.html"), "first {{x}}");
        Templates templates = Templates.folder(dir);
        assertThat(templates.render("cached", Map.of("x", 1))).isEqualTo("first 1");
        Files.writeString(file, "second {{x}}");
        assertThat(templates.render("cached", Map.of("x", 2))).isEqualTo("first 2");
    }

    @Test
    void classpathTemplatesRenderTheDemoPages() {
        Templates templates = Templates.classpath("dev/weft/web/demo/templates", getClass().getClassLoader());
        assertThat(templates.render("hello", Map.of("title", "Hello", "name", "weft"))).contains("Hello, weft!");
    }

    @Test
    void renderWithoutConfiguredTemplatesSaysSo() throws Exception {
        Web web = Weft.http().get("/", request -> request.render("index", Map.of()));
        assertThatThrownBy(() -> web.handler().handle(
                dev.weft.http.HttpRequest.of("GET", "/", new dev.weft.http.HttpHeaders(), new byte[0])))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no templates configured");
    }
}
