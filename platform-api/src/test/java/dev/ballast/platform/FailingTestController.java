package dev.ballast.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A route that fails the way a bug would, to show what a client sees of an internal error. */
@Controller("/api/test")
@Requires(property = "ballast.test.failing-controller", value = "true")
class FailingTestController {

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("secret detail at com.example.Internal.method(Internal.java:42)");
    }
}
