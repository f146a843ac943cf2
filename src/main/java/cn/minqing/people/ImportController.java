package cn.minqing.people;

import cn.minqing.county.RegionImport;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Admins fill the element library (要素库) from CSV or XLSX and get back the rows that were refused. */
@RestController
class ImportController {

    private final RegionImport regionImport;
    private final PeopleImport peopleImport;

    ImportController(RegionImport regionImport, PeopleImport peopleImport) {
        this.regionImport = regionImport;
        this.peopleImport = peopleImport;
    }

    @PostMapping("/api/admin/import/regions")
    ImportReport regions(@AuthenticationPrincipal Principal me, @RequestParam("file") MultipartFile file) throws IOException {
        return regionImport.importRows(Table.read(file.getOriginalFilename(), file.getBytes()), me.getUsername());
    }

    @PostMapping("/api/admin/import/people")
    ImportReport people(@AuthenticationPrincipal Principal me, @RequestParam("file") MultipartFile file) throws IOException {
        return peopleImport.importRows(Table.read(file.getOriginalFilename(), file.getBytes()), me.getUsername());
    }
}
