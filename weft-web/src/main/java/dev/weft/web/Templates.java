package dev.weft.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * Mustache templates (jmustache) from a folder or a class-path folder, compiled once and cached,
 * HTML-escaped by default ({@code {{{raw}}}} to opt out), with partials ({@code {{> header}}}) from the
 * same place. A name may leave out {@code .html} or {@code .mustache}. The seeds' {@code info.html}
 * filled by {@code str.format(**kwargs)} becomes {@code render("info", Map.of("username", ...))}.
 */
public final class Templates {

    private static final List<String> SUFFIXES = List.of("", ".html", ".mustache");

    /** Where template text comes from: the text of a relative name, or null when there is none. */
    private interface Source {
        String read(String name) throws IOException;

        String describe();
    }

    private final Source source;
    private final Mustache.Compiler compiler;
    private final ConcurrentMap<String, Template> cache = new ConcurrentHashMap<>();

    private Templates(Source source) {
        this.source = source;
        this.compiler = Mustache.compiler().escapeHTML(true).nullValue("").withLoader(this::partial);
    }

    /** Templates in the folder {@code dir} (which must exist). */
    public static Templates folder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("templates folder is not a directory: " + dir);
        }
        Path root = dir.toAbsolutePath().normalize();
        return new Templates(new Source() {
            @Override
            public String read(String name) throws IOException {
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    return null;
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            }

            @Override
            public String describe() {
                return root.toString();
            }
        });
    }

    /** Templates under the class-path folder {@code folder} (e.g. {@code dev/weft/web/demo/templates}) of {@code loader}. */
    public static Templates classpath(String folder, ClassLoader loader) {
        String prefix = folder.replaceAll("^/+|/+$", "") + "/";
        return new Templates(new Source() {
            @Override
            public String read(String name) throws IOException {
                if (name.contains("..")) {
                    return null;
                }
                try (InputStream in = loader.getResourceAsStream(prefix + name)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }

            @Override
            public String describe() {
                return "class path folder " + prefix;
            }
        });
    }

    /**
     * Renders the template {@code name} with {@code context} (a map, record or bean).
     *
     * @throws TemplateNotFoundException naming the template or partial that is missing
     * @throws IllegalStateException     naming the template and the line of any other template error
     */
    public String render(String name, Object context) {
        return render(name, context, java.util.Map.of());
    }

    /** Renders with {@code fallback} consulted for names {@code context} lacks (the request's helpers). */
    public String render(String name, Object context, Object fallback) {
        Template template = cache.computeIfAbsent(name, this::compile);
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            template.execute(context, fallback, out);
            return out.toString();
        } catch (MustacheException e) {
            throw rethrown(name, e);
        }
    }

    private Template compile(String name) {
        try {
            return compiler.compile(text(name));
        } catch (MustacheException e) {
            throw rethrown(name, e);
        }
    }

    private String text(String name) {
        try {
            for (String suffix : SUFFIXES) {
                String text = source.read(name + suffix);
                if (text != null) {
                    return text;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template '" + name + "' from " + source.describe(), e);
        }
        throw new TemplateNotFoundException(name, source.describe());
    }

    private Reader partial(String name) {
        return new StringReader(text(name));
    }

    private static RuntimeException rethrown(String name, MustacheException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateNotFoundException missing) {
                return missing;
            }
        }
        return new IllegalStateException("template '" + name + "': " + e.getMessage(), e);
    }
}
