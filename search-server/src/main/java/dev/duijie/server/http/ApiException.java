package dev.duijie.server.http;

/**
 * An error answered as {@code {"error":{"code":…,"message":…}}}: {@code code} is a stable English token for
 * programs, {@code message} a Chinese sentence a staff member can act on.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException badParameter(String name, String message) {
        return new ApiException(400, "bad_parameter", "参数 " + name + " 有误：" + message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }
}
