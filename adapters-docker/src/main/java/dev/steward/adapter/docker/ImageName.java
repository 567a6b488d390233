package dev.steward.adapter.docker;

/**
 * Reading an image reference the way the engine does: the part before the first {@code /} names a registry when it
 * contains a {@code .} or a {@code :} or is {@code localhost}; otherwise the name is Docker Hub's.
 */
final class ImageName {

    private ImageName() {
    }

    static boolean namesRegistry(String image) {
        int slash = image.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    /** The registry's host (and port) of a qualified name, e.g. {@code registry.example.com:5000}. */
    static String registry(String image) {
        if (!namesRegistry(image)) {
            throw new IllegalArgumentException(image + " names no registry");
        }
        return image.substring(0, image.indexOf('/'));
    }

    /** The name without a pinned digest: {@code host/repo:tag@sha256:…} → {@code host/repo:tag}. */
    static String withoutDigest(String image) {
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }
}
