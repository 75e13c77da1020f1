package dev.weft.tls;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * A server identity for TLS: a certificate chain and its key, from PEM files or generated in memory,
 * turned into the {@link SSLContext} servers use and the trust a client needs. The engine takes any
 * {@link SSLContext} ({@code ServerConfig.tls}) and knows nothing of this class: it is what the command line, the
 * desktop app and the tests use to make one, and the only user of Bouncy Castle.
 */
public record Tls(List<X509Certificate> chain, PrivateKey key) {

    private static final char[] NO_PASSWORD = new char[0];

    public Tls {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least one certificate");
        }
    }

    /** A fresh EC key and a certificate for localhost, 127.0.0.1 and ::1, valid for 30 days. */
    public static Tls selfSigned() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost, O=weft self-signed");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")}));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new Tls(List.of(new JcaX509CertificateConverter().getCertificate(holder)), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a PEM certificate chain and a PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC).
     *
     * @throws IOException naming the file that is missing, unreadable or not what it should be
     */
    public static Tls fromPem(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object item : readPem(certificateFile)) {
            if (item instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new IOException("bad certificate in " + certificateFile + ": " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IOException("no PEM certificate in " + certificateFile);
        }
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        for (Object item : readPem(keyFile)) {
            if (item instanceof PEMKeyPair pair) {
                return new Tls(chain, keys.getKeyPair(pair).getPrivate());
            }
            if (item instanceof PrivateKeyInfo info) {
                return new Tls(chain, keys.getPrivateKey(info));
            }
        }
        throw new IOException("no unencrypted PEM private key in " + keyFile);
    }

    private static List<Object> readPem(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        List<Object> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                items.add(item);
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a PEM file: " + file + " (" + e.getMessage() + ")", e);
        }
        return items;
    }

    /**
     * Writes this identity as PEM files readable only by the owner (so worker processes can load the same one).
     */
    public void writePem(Path certificateFile, Path keyFile) throws IOException {
        for (Path file : List.of(certificateFile, keyFile)) {
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(Files.newBufferedWriter(certificateFile, StandardCharsets.US_ASCII))) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(certificate);
            }
        }
        try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII))) {
            writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
        }
    }

    /** The context a server uses to present this identity. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("weft", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /** A client context that trusts exactly this identity's certificate (for tests and pinned clients). */
    public SSLContext trustingClientContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("weft", chain.getFirst());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint of the leaf certificate, as colon-separated hex (what browsers show). */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain.getFirst().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
