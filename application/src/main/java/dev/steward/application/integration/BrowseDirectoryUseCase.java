package dev.steward.application.integration;

/** Capability: page through the entries of a connected integration's directory, to map a client to one. */
public interface BrowseDirectoryUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming {@code search}, {@code cursor} or {@code limit}
     * @throws dev.steward.application.problem.NotFound ({@code integration}) if the MSP has no such integration
     * @throws dev.steward.application.problem.Conflict ({@code integration.no-directory}) if the integration offers
     *     no directory, or is not connected right now
     * @throws dev.steward.application.problem.PortFailure if the outside system failed
     */
    DirectoryPage browse(BrowseDirectoryQuery query);
}
