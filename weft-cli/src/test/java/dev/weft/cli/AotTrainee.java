package dev.weft.cli;

/** A stand-in for weft.jar in {@link AotCacheScriptTest}: 'train' and any other command print a word and exit 0. */
public final class AotTrainee {

    private AotTrainee() {
    }

    public static void main(String[] args) {
        System.out.println(args.length > 0 && args[0].equals("train") ? "trained" : "ran " + String.join(" ", args));
    }
}
