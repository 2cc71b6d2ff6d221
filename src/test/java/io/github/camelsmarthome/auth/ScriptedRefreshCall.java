package io.github.camelsmarthome.auth;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A token endpoint whose answers the test gives by hand: each call returns a future the test completes. */
final class ScriptedRefreshCall implements TokenRefreshCall {

    final List<OAuthTokens> calls = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<OAuthTokens>> answers = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<OAuthTokens> refresh(OAuthTokens current) {
        calls.add(current);
        CompletableFuture<OAuthTokens> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }

    CompletableFuture<OAuthTokens> lastAnswer() {
        return answers.get(answers.size() - 1);
    }
}
