package dev.weft.bench;

/** The three things every server serves, the same bytes from each. */
public enum Endpoint {
    HELLO("hello", "/hello"),
    STATIC_4K("static 4 KiB", "/static/" + BenchSite.FILE_4K),
    STATIC_1M("static 1 MiB", "/static/" + BenchSite.FILE_1M);

    private final String label;
    private final String path;

    Endpoint(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }
}
