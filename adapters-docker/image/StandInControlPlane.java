import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the control plane's agent API, answering the agent's start-up calls as the real one does (a session
 * for a bootstrap token, a configuration, check-ins, long polls for work), so that the agent image's training run (build-agent-image.sh)
 * records the classes of a successful start rather than of an unreachable control plane (its long polls for work end
 * without any), and bench/agent-start.sh can
 * time a start without a database. Run with the JDK's source launcher: {@code java StandInControlPlane.java PORT
 * [ADDRESS]} (loopback unless an address is given).
 * It prints one line per call, {@code <epoch ms> <method> <path> <token>}, plus {@code <epoch ms> CHECK-IN <token>}
 * for every check-in (on its own route, or carried by a take as an idle agent sends it), and keeps nothing.
 */
public final class StandInControlPlane {

    private static final String CONFIGURATION = """
            {"clientId":"00000000-0000-0000-0000-000000000001","mspId":"00000000-0000-0000-0000-000000000002",\
            "slug":"stand-in","version":1,"mode":"plan","prompt":"You are the stand-in client's agent.",\
            "tools":[{"name":"psa:get-ticket","effect":"read_only","policy":"auto","description":"Reads a ticket."}],\
            "psa":null,"reasoner":{"kind":"runbook","model":""},"workflows":[]}""";
    private static final Pattern WAIT = Pattern.compile("\"waitMillis\"\\s*:\\s*(\\d+)");
    private static final Pattern CHECK_IN = Pattern.compile("\"checkIn\"\\s*:\\s*\\{");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        // loopback unless told (bench/agent-idle.sh's AS_RUNTIME=1 binds the bridge's gateway, host.docker.internal)
        InetAddress address = args.length > 1 ? InetAddress.getByName(args[1]) : InetAddress.getLoopbackAddress();
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/agent/v1/", StandInControlPlane::answer);
        server.start();
        System.out.println("listening on " + address.getHostAddress() + ":" + port);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String token = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("Bearer ", "");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (System.out) {
            System.out.println(System.currentTimeMillis() + " " + method + " " + path + " " + token);
        }
        switch (method + " " + path) {
            case "POST /agent/v1/sessions" -> send(exchange, 201, "{\"token\":\"stw_" + token.substring(4) + "\"}");
            case "GET /agent/v1/configuration" -> send(exchange, 200, CONFIGURATION);
            case "POST /agent/v1/check-ins" -> {
                checkedIn(token);
                send(exchange, 200, "{\"configVersion\":1}");
            }
            case "POST /agent/v1/work/take" -> {
                if (CHECK_IN.matcher(body).find()) {
                    checkedIn(token);
                    exchange.getResponseHeaders().set("Steward-Config-Version", "1");
                }
                noWork(exchange, body);
            }
            default -> send(exchange, 404, null);
        }
    }

    private static void checkedIn(String token) {
        synchronized (System.out) {
            System.out.println(System.currentTimeMillis() + " CHECK-IN " + token);
        }
    }

    /** A long poll that ends without work, as the real one does when no ticket arrives in time. */
    private static void noWork(HttpExchange exchange, String body) throws IOException {
        Matcher wait = WAIT.matcher(body);
        try {
            Thread.sleep(Math.min(wait.find() ? Long.parseLong(wait.group(1)) : 0, 25_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(exchange, 204, null);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
