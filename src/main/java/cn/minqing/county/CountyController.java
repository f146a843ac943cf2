package cn.minqing.county;

import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
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

    /**
     * The village nearest the phone's location, so that the report page can say where the villager is by name
     * (the page asks /regions/nearest with its session, API clients /api/regions/nearest).
     */
    @GetMapping({"/api/regions/nearest", "/regions/nearest"})
    NearestVillage nearest(@RequestParam double lat, @RequestParam double lon) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (!(lat >= -90 && lat <= 90)) {
            problems.add(new FieldProblem("lat", "case.lat.range"));
        }
        if (!(lon >= -180 && lon <= 180)) {
            problems.add(new FieldProblem("lon", "case.lon.range"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return regions.nearestVillage(lat, lon).orElseThrow(() -> ApiException.notFound("region.nearest.none"));
    }
}
