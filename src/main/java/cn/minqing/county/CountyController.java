package cn.minqing.county;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reference data for pickers: categories and regions. */
@RestController
class CountyController {

    private final Categories categories;
    private final Regions regions;

    CountyController(Categories categories, Regions regions) {
        this.categories = categories;
        this.regions = regions;
    }

    @GetMapping("/api/categories")
    List<Category> categories() {
        return categories.all();
    }

    @GetMapping("/api/regions")
    List<Region> regions(@RequestParam(defaultValue = "village") String level) {
        return regions.atLevel(level);
    }
}
