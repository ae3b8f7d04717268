package io.github.camelkapso.consumer.flows.crypto;

import java.io.ByteArrayOutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads an RSA private key from PEM text with the JDK alone: PKCS#8 ({@code BEGIN PRIVATE KEY}), encrypted PKCS#8
 * ({@code BEGIN ENCRYPTED PRIVATE KEY}: PBES2 as written by OpenSSL 3 and the JDK, or the PBES1 schemes the JDK knows)
 * and PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, wrapped into PKCS#8 here). Error messages name the problem and the fix,
 * never the key.
 */
public final class PemPrivateKeyReader {

    private static final Pattern PEM_BLOCK
            = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };
    private static final byte[] VERSION_ZERO = { 0x02, 0x01, 0x00 };

    private PemPrivateKeyReader() {
    }

    /** A key read from PEM, with a description of its format for logs ("PKCS#1", "encrypted PKCS#8 (PBE...)"). */
    public record ParsedKey(PrivateKey key, String format, boolean encrypted) {

        /** Modulus size in bits. */
        public int bits() {
            return key instanceof RSAPrivateCrtKey rsa ? rsa.getModulus().bitLength() : -1;
        }

        @Override
        public String toString() {
            return "ParsedKey[" + format + ", " + bits() + " bits]";
        }
    }

    /**
     * @param pem        PEM text; other blocks (a certificate next to the key) are skipped
     * @param passphrase passphrase of an encrypted PKCS#8 key, or null
     */
    public static ParsedKey read(String pem, char[] passphrase) {
        if (pem == null || pem.isBlank()) {
            throw new FlowsPrivateKeyException("the private key is empty");
        }
        Matcher block = PEM_BLOCK.matcher(pem);
        List<String> otherBlocks = new ArrayList<>();
        while (block.find()) {
            String label = block.group(1);
            if (label.endsWith("PRIVATE KEY")) {
                return read(label, block.group(2), passphrase);
            }
            otherBlocks.add(label);
        }
        throw new FlowsPrivateKeyException((otherBlocks.isEmpty() ? "the private key is not PEM"
                : "the PEM holds no private key (found " + String.join(", ", otherBlocks) + ")")
                                           + ": expected a block starting with -----BEGIN PRIVATE KEY----- (PKCS#8),"
                                           + " -----BEGIN ENCRYPTED PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----"
                                           + " (PKCS#1) and ending with the matching -----END ...----- line");
    }

    private static ParsedKey read(String label, String body, char[] passphrase) {
        if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
            throw new FlowsPrivateKeyException("the private key is a passphrase-protected " + label
                                               + " in OpenSSL's legacy format,"
                                               + " which the JDK cannot read; convert it to encrypted PKCS#8 with"
                                               + " 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem'");
        }
        byte[] der = decodeBase64(label, body);
        try {
            return switch (label) {
                case "PRIVATE KEY" -> new ParsedKey(rsaKey(der, "PKCS#8"), "PKCS#8", false);
                case "RSA PRIVATE KEY" -> new ParsedKey(rsaKey(wrapPkcs1(der), "PKCS#1"), "PKCS#1", false);
                case "ENCRYPTED PRIVATE KEY" -> decryptPkcs8(der, passphrase);
                default -> throw new FlowsPrivateKeyException("the private key is a " + label
                                                              + "; the WhatsApp Flows data endpoint needs an RSA key"
                                                              + " (PKCS#8 or PKCS#1 PEM)");
            };
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static byte[] decodeBase64(String label, String body) {
        String base64 = body.replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new FlowsPrivateKeyException("the " + label + " PEM block is not valid base64 (if the key is given in"
                                               + " an endpoint URI, wrap it in RAW(...) so that '+' and '/' survive, or use"
                                               + " flowsPrivateKeyFile)");
        }
    }

    private static ParsedKey decryptPkcs8(byte[] der, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new FlowsPrivateKeyException("the private key is encrypted (BEGIN ENCRYPTED PRIVATE KEY): set"
                                               + " flowsPrivateKeyPassphrase");
        }
        EncryptedPrivateKeyInfo info;
        String algorithm;
        try {
            info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters parameters = info.getAlgParameters();
            // for PBES2 the JDK names the real scheme (e.g. PBEWithHmacSHA256AndAES_256) only in the parameters
            algorithm = "PBES2".equalsIgnoreCase(info.getAlgName()) && parameters != null
                    ? parameters.toString() : info.getAlgName();
        } catch (Exception e) {
            throw new FlowsPrivateKeyException("the ENCRYPTED PRIVATE KEY block is not an encrypted PKCS#8 structure", e);
        }
        PKCS8EncodedKeySpec spec;
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            PBEKeySpec pbe = new PBEKeySpec(passphrase);
            SecretKey secret;
            try {
                secret = factory.generateSecret(pbe);
            } finally {
                pbe.clearPassword();
            }
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, secret, info.getAlgParameters());
            spec = info.getKeySpec(cipher);
        } catch (NoSuchAlgorithmException e) {
            throw new FlowsPrivateKeyException("the private key is encrypted with " + algorithm + ", which this JDK does not"
                                               + " support; re-encrypt it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'", e);
        } catch (GeneralSecurityException e) {
            // a wrong passphrase shows up as bad padding (or, rarely, as garbage that is not a key)
            throw new FlowsPrivateKeyException("the private key cannot be decrypted: wrong flowsPrivateKeyPassphrase, or a"
                                               + " corrupt key (" + algorithm + ")");
        }
        byte[] pkcs8 = spec.getEncoded();
        try {
            return new ParsedKey(rsaKey(pkcs8, "encrypted PKCS#8"), "encrypted PKCS#8 (" + algorithm + ")", true);
        } catch (FlowsPrivateKeyException e) {
            throw new FlowsPrivateKeyException("the private key cannot be decrypted: wrong flowsPrivateKeyPassphrase, or a"
                                               + " corrupt key (" + algorithm + ")");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static PrivateKey rsaKey(byte[] pkcs8, String format) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new FlowsPrivateKeyException("the " + format + " private key is not an RSA private key, or it is corrupt"
                                               + " (the WhatsApp Flows data endpoint needs an RSA key)");
        }
    }

    /** PKCS#1 RSAPrivateKey to PKCS#8 PrivateKeyInfo: SEQUENCE { 0, rsaEncryption, OCTET STRING { pkcs1 } }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(pkcs1.length + 32);
        content.writeBytes(VERSION_ZERO);
        content.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        content.write(0x04);
        writeLength(content, pkcs1.length);
        content.writeBytes(pkcs1);
        byte[] inner = content.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(inner.length + 8);
        out.write(0x30);
        writeLength(out, inner.length);
        out.writeBytes(inner);
        Arrays.fill(inner, (byte) 0);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i) & 0xff);
        }
    }
}
