package dev.ballast.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.identity.domain.ApiToken;
import dev.ballast.core.identity.domain.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Request and response records of the users and tokens API (snake_case, like the MLflow API). */
public final class IdentityViews {

    private IdentityViews() {
    }

    @Serdeable
    public record UserView(long id, String username, String role, boolean enabled,
                           @JsonProperty("created_at") long createdAt, @JsonProperty("updated_at") long updatedAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.username(), u.role().name(), u.enabled(), u.createdAt(), u.updatedAt());
        }
    }

    @Serdeable
    public record UserResponse(UserView user) {
    }

    @Serdeable
    public record UsersResponse(List<UserView> users) {
    }

    @Serdeable
    public record CreateUserRequest(@Nullable String username, @Nullable String password, @Nullable String role) {
    }

    @Serdeable
    public record UpdateUserRequest(@Nullable String role, @Nullable Boolean enabled) {
    }

    @Serdeable
    public record SetPasswordRequest(@Nullable String password) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenView(long id, String name, String username, String prefix,
                            @JsonProperty("created_at") long createdAt,
                            @JsonProperty("expires_at") @Nullable Long expiresAt,
                            @JsonProperty("revoked_at") @Nullable Long revokedAt,
                            @JsonProperty("last_used_at") @Nullable Long lastUsedAt,
                            @JsonProperty("serving_model") @Nullable String servingModel) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.username(), t.prefix(), t.createdAt(), t.expiresAt(),
                    t.revokedAt(), t.lastUsedAt(), t.servingModel());
        }
    }

    /**
     * {@code serving_model}, when given, limits the token to the serving endpoints of that
     * registered model ({@code /serving/<model>/...}); the model need not exist yet.
     */
    @Serdeable
    public record IssueTokenRequest(@Nullable String name, @Nullable String username,
                                    @JsonProperty("expires_in_days") @Nullable Integer expiresInDays,
                                    @JsonProperty("serving_model") @Nullable String servingModel) {
    }

    /** The one response that carries a token's secret. */
    @Serdeable
    public record IssuedTokenResponse(String token, @JsonProperty("api_token") TokenView apiToken) {
    }

    @Serdeable
    public record TokenResponse(@JsonProperty("api_token") TokenView apiToken) {
    }

    @Serdeable
    public record TokensResponse(@JsonProperty("api_tokens") List<TokenView> apiTokens) {
    }
}
