package dev.steward.bootstrap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP port on loopback that forwards to the Docker engine's unix socket, and can be cut and restored: to the
 * control plane on the other side, cutting it looks exactly like the engine going away (connection refused), without
 * stopping the real engine other tests share.
 */
final class EngineLink implements AutoCloseable {

    private final Path socket;
    private final int port;
    private final List<ByteChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    EngineLink(Path socket, int port) {
        this.socket = socket;
        this.port = port;
    }

    String dockerHost() {
        return "tcp://127.0.0.1:" + port;
    }

    synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", port));
        server = channel;
        Thread.ofVirtual().name("engine-link").start(() -> accept(channel));
    }

    /** Refuses new connections and drops the open ones, as a stopped engine would. */
    synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (ByteChannel channel : open) {
            channel.close();
        }
        open.clear();
    }

    private void accept(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                engine.connect(UnixDomainSocketAddress.of(socket));
                open.add(client);
                open.add(engine);
                Thread.ofVirtual().start(() -> pump(client, engine));
                Thread.ofVirtual().start(() -> pump(engine, client));
            } catch (IOException e) {
                return; // closed by cut()
            }
        }
    }

    private static void pump(ByteChannel from, ByteChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
