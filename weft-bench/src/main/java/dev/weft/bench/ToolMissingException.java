package dev.weft.bench;

/** A program the benchmark needs (wrk, nginx, nc) is not installed and could not be installed. */
public final class ToolMissingException extends RuntimeException {

    private final String tool;

    public ToolMissingException(String tool, String hint) {
        super(tool + " is not installed: " + hint);
        this.tool = tool;
    }

    public String tool() {
        return tool;
    }
}
