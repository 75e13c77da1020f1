package dev.weft.tools.ftp;

import java.time.Duration;

/**
 * How a session connects: passive (the default) or active data connections, explicit FTPS (AUTH TLS),
 * whether an untrusted certificate is knowingly accepted, and the time limit for each network wait.
 */
public record FtpOptions(boolean passive, boolean tls, boolean insecure, Duration timeout) {

    public FtpOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (insecure && !tls) {
            throw new IllegalArgumentException("--insecure only applies with --tls");
        }
    }

    public static FtpOptions defaults() {
        return new FtpOptions(true, false, false, Duration.ofSeconds(30));
    }

    public FtpOptions withTls(boolean insecureTls) {
        return new FtpOptions(passive, true, insecureTls, timeout);
    }

    public FtpOptions withPassive(boolean passiveMode) {
        return new FtpOptions(passiveMode, tls, insecure, timeout);
    }

    public FtpOptions withTimeout(Duration limit) {
        return new FtpOptions(passive, tls, insecure, limit);
    }
}
