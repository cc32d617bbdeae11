package dev.duijie.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers before a request reaches Javalin (an ambiguous or malformed URI such as {@code ..%2F}) in the
 * API's JSON error shape instead of Jetty's HTML page.
 */
final class JettyJsonErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String body = "{\"error\":{\"code\":\"" + (code == 400 ? "bad_request" : "http_" + code)
                + "\",\"message\":\"" + (code == 400 ? "请求地址不合法，请检查链接或编号" : "请求无法处理（HTTP " + code + "）")
                + "\"}}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
