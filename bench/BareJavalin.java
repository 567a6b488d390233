import io.javalin.Javalin;

/**
 * The baseline for bench/web-load.sh: a bare Javalin route returning a constant JSON body, configured like Steward's
 * server (virtual threads). Run as a single-file program on Steward's own jar:
 * {@code java -cp bootstrap/target/steward.jar bench/BareJavalin.java PORT}.
 */
public class BareJavalin {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String body = "{\"id\":\"01a205af-34aa-774a-b1db-23b949649bc1\",\"slug\":\"bench-client\",\"name\":\"Bench Client\","
                + "\"status\":\"active\",\"deployStatus\":{\"state\":\"idle\",\"message\":null},\"mode\":\"inherit\"}";
        Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.routes.get("/constant", ctx -> ctx.contentType("application/json").result(body));
        }).start("127.0.0.1", port);
    }
}
