package dev.ballast.core.identity.app;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter bumped by every change that can withdraw access (token revoked, role changed, user
 * disabled, password changed). Cached authentications remember the count they were made at and
 * are dropped as soon as it moves, so on the replica that made the change it takes effect at once.
 */
@Singleton
public class CredentialChanges {
    private final AtomicLong generation = new AtomicLong();

    public long current() {
        return generation.get();
    }

    public void changed() {
        generation.incrementAndGet();
    }
}
