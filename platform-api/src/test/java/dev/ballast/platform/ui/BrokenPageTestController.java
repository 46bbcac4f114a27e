package dev.ballast.platform.ui;

import dev.ballast.ui.shell.PageModel;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.View;

/** A page whose template fails while rendering, the way a template bug would. */
@Controller("/ui/test")
@Requires(property = "ballast.test.broken-page", value = "true")
class BrokenPageTestController {

    @Get("/broken")
    @View("test/broken")
    PageModel broken() {
        return PageModel.of("experiments");
    }
}
