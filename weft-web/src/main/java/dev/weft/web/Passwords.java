package dev.weft.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes with Argon2id (Bouncy Castle), in the PHC string form {@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}
 * so the cost can rise later without breaking stored hashes. The default cost is OWASP's (19 MiB, 2 passes, 1 lane).
 * At most one hash per processor runs at a time: a burst of logins queues instead of taking 19 MiB each at once.
 */
public final class Passwords {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    /** Checked against when the user does not exist, so an unknown name costs as much as a wrong password. */
    private final String decoy;

    public Passwords(int memoryKiB, int iterations, int parallelism) {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("bad Argon2id cost: m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism);
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.decoy = hash("not a password: only for timing " + RANDOM.nextLong());
    }

    /** OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1. */
    public static Passwords owasp() {
        return new Passwords(19 * 1024, 2, 1);
    }

    /** A new hash of {@code password} with a random 16-byte salt. */
    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKiB, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code stored}; with a null {@code stored} (no such user) it does the same
     * work against a decoy and returns false, so timing does not tell which names exist.
     */
    public boolean verify(String password, String stored) {
        Matcher phc = PHC.matcher(stored == null ? decoy : stored);
        if (!phc.matches()) {
            throw new IllegalArgumentException("not an Argon2id hash this version reads (it starts '"
                    + stored.substring(0, Math.min(10, stored.length())) + "')");
        }
        byte[] expected = B64D.decode(phc.group(5));
        byte[] actual = derive(password, B64D.decode(phc.group(4)), Integer.parseInt(phc.group(1)),
                Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    private byte[] derive(String password, byte[] salt, int memory, int passes, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memory).withIterations(passes)
                .withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            running.release();
        }
        return out;
    }
}
