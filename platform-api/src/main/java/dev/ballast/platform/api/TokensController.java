package dev.ballast.platform.api;

import dev.ballast.core.identity.app.ApiTokens;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.platform.api.IdentityViews.IssueTokenRequest;
import dev.ballast.platform.api.IdentityViews.IssuedTokenResponse;
import dev.ballast.platform.api.IdentityViews.TokenResponse;
import dev.ballast.platform.api.IdentityViews.TokenView;
import dev.ballast.platform.api.IdentityViews.TokensResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Personal API tokens for MLflow clients ({@code MLFLOW_TRACKING_TOKEN}), scripts and serving
 * clients (a token with {@code serving_model} may call only that model's serving endpoints). The
 * secret appears in the issue response only.
 */
@Controller("/api/v1/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users and tokens")
public class TokensController {
    private final ApiTokens tokens;

    public TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Post
    public IssuedTokenResponse issue(@Parameter(hidden = true) Actor actor, @Body IssueTokenRequest request) {
        ApiTokens.Issued issued = tokens.issue(actor, request.username(), request.name(), request.expiresInDays(),
                request.servingModel());
        return new IssuedTokenResponse(issued.secret(), TokenView.of(issued.token()));
    }

    @Get
    public TokensResponse list(@Parameter(hidden = true) Actor actor, @QueryValue @Nullable String username) {
        return new TokensResponse(tokens.list(actor, username).stream().map(TokenView::of).toList());
    }

    @Delete("/{id}")
    public TokenResponse revoke(@Parameter(hidden = true) Actor actor, @PathVariable long id) {
        return new TokenResponse(TokenView.of(tokens.revoke(actor, id)));
    }
}
