package dev.weft.web;

/** A template (or a partial it includes) that is not where the app said its templates are. */
public final class TemplateNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public TemplateNotFoundException(String name, String where) {
        super("no template '" + name + "' in " + where);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
