package cn.minqing.county;

import cn.minqing.people.Principal;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 党支部 in the element library: the branches one may see, and the admins' import from CSV or XLSX. */
@RestController
class PartyBranchController {

    private final PartyBranches branches;
    private final PartyBranchImport partyBranchImport;

    PartyBranchController(PartyBranches branches, PartyBranchImport partyBranchImport) {
        this.branches = branches;
        this.partyBranchImport = partyBranchImport;
    }

    @GetMapping("/api/party-branches")
    List<PartyBranch> list(@AuthenticationPrincipal Principal me) {
        return branches.visibleTo(me.user());
    }

    @PostMapping("/api/admin/import/party-branches")
    ImportReport importBranches(@AuthenticationPrincipal Principal me, @RequestParam("file") MultipartFile file)
            throws IOException {
        return partyBranchImport.importRows(Table.read(file.getOriginalFilename(), file.getBytes()), me.getUsername());
    }
}
