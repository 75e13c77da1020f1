package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for multipart names (RFC 7578 section 4.2, RFC 8187), from header text alone. */
class ContentDispositionTest {

    private static String fileName(String header) {
        return ContentDisposition.parse(header).fileName();
    }

    @Test
    void aPlainFieldHasANameAndNoFileName() {
        ContentDisposition field = ContentDisposition.parse("form-data; name=\"title\"");
        assertThat(field.name()).isEqualTo("title");
        assertThat(field.fileName()).isNull();
    }

    @Test
    void aSemicolonInsideQuotesBelongsToTheName() {
        assertThat(fileName("form-data; name=\"f\"; filename=\"a;b.txt\"")).isEqualTo("a;b.txt");
    }

    @Test
    void anEscapedQuoteIsKept() {
        assertThat(fileName("form-data; name=\"f\"; filename=\"say \\\"hi\\\".txt\"")).isEqualTo("say \"hi\".txt");
    }

    @Test
    void aWindowsPathKeepsItsLastSegment() {
        assertThat(fileName("form-data; name=\"f\"; filename=\"C:\\photos\\cat.png\"")).isEqualTo("cat.png");
    }

    @Test
    void theExtendedFormWinsAndIsDecodedAsItsCharsetSays() {
        assertThat(fileName("form-data; name=\"f\"; filename=\"x.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt")).isEqualTo("résumé.txt");
        assertThat(fileName("form-data; name=\"f\"; filename*=iso-8859-1'en'r%E9sum%E9.txt")).isEqualTo("résumé.txt");
    }

    @Test
    void aMalformedExtendedFormFallsBackToThePlainName() {
        assertThat(fileName("form-data; name=\"f\"; filename=\"plain.txt\"; filename*=UTF-8''bad%ZZ")).isEqualTo("plain.txt");
        assertThat(fileName("form-data; name=\"f\"; filename=\"plain.txt\"; filename*=KOI8-R''x")).isEqualTo("plain.txt");
    }
}
