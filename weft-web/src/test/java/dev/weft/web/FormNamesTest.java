package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpRequest;
import dev.weft.http.ResponseBody;

/** Forms read file names by the HTTP server's one multipart rule (issue 19.5): the same name the folder server stores. */
class FormNamesTest {

    @TempDir
    Path uploads;

    private String fileNameOf(String disposition) throws Exception {
        Web app = Weft.http().uploads(new Uploads(uploads, 1024, 4096))
                .post("/upload", request -> Response.text(request.form().file("file").fileName()));
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; " + disposition + "\r\n\r\nhi\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var response = app.handler().handle(HttpRequest.of("POST", "/upload",
                HttpHeaders.of("Content-Type", "multipart/form-data; boundary=b"), body));
        return new String(((ResponseBody.Bytes) response.body()).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void anExtendedFileNameWinsOverThePlainOne() throws Exception {
        assertThat(fileNameOf("filename=\"resume.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt")).isEqualTo("résumé.txt");
    }

    @Test
    void aRawUtf8FileNameIsDecodedOnce() throws Exception {
        assertThat(fileNameOf("filename=\"résumé.txt\"")).isEqualTo("résumé.txt");
    }
}
