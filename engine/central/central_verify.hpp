// `bran audit verify --db URI`: the central copies checked without any site's secret. Each
// site's events must run unbroken from #1, their digest must match at every head the site
// signed, nothing may follow the newest signed head, and every session must agree with its own
// events, as on the site (SessionCheck).
#pragma once
#include "engine/audit/chain_verify.hpp"
#include "engine/core/progress.hpp"

#include <string>

namespace bran {

struct CentralVerifyReport {
    VerifyReport record;  // events, sessions and the first problem
    long long sites = 0;
    std::string problem_site;  // the site whose copy the problem is in, when it is about one
    // Keeps the first problem found, and its site.
    void note(TamperFinding finding, const std::string& site) {
        if (record.problem) return;
        record.problem = std::move(finding);
        problem_site = site;
    }
};

CentralVerifyReport verify_central(const std::string& uri, Progress* progress = nullptr);

}  // namespace bran
