package dev.duijie.server.cli;

import dev.duijie.Duijie;
import dev.duijie.server.http.DuijieServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ./duijie serve}: the HTTP API and the staff page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serve the staff page, the JSON API and /metrics.",
        description = {"Serve the staff page (/) and the JSON API (/api/…, described at /openapi.json, metrics at",
                "/metrics). On first start with no index, builds one from the bundled corpus (or --corpus).",
                "Stops gracefully on SIGTERM / Ctrl+C: running requests finish, then the index is closed.",
                "Environment: DUIJIE_PORT, DUIJIE_HOST, DUIJIE_INDEX (flags win); DUIJIE_ADMIN_TOKEN enables the admin",
                "routes (POST /api/admin/reindex, PUT and DELETE /api/admin/{kind}/{id}) behind that bearer token."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    IndexOptions indexOptions;

    @Option(names = "--port", description = "port (default: $DUIJIE_PORT or 7070; 0 picks a free port)")
    Integer port;

    @Option(names = "--host", description = "address to bind (default: $DUIJIE_HOST or 0.0.0.0)")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        int p = port != null ? port : Integer.parseInt(env("DUIJIE_PORT", "7070"));
        String h = host != null ? host : env("DUIJIE_HOST", "0.0.0.0");
        Duijie duijie = indexOptions.open(err);
        String token = System.getenv("DUIJIE_ADMIN_TOKEN");
        DuijieServer server = DuijieServer.start(duijie, h, p, token, indexOptions.indexDir());
        if (token == null || token.isBlank()) {
            err.println("duijie: admin routes off (set DUIJIE_ADMIN_TOKEN to enable /api/admin/…)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                duijie.close();
            } catch (Exception e) {
                err.println("duijie: closing the index failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "duijie-shutdown"));
        err.println("duijie: serving on http://" + ("0.0.0.0".equals(h) ? "localhost" : h) + ":" + server.port() + "/");
        err.flush();
        stopped.await();
        return 0;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
