package dev.steward.adapter.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh {@link TestServer} (own in-memory store, own MSP) for every test of a subclass. */
public abstract class ServerPerTest {

    protected TestServer server;

    @BeforeEach
    void startServer() {
        server = TestServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
