// The register of supervised units (测绘资质单位, 涉密成果使用单位) and the pool of
// inspectors for spot checks, kept in the records database. Category and
// industry codes are stable identifiers (files, draws and records use them).
#pragma once

#include "mapaudit/records/record_import.h"
#include "mapaudit/records/records_db.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mapaudit::security {

// "surveying" (测绘资质单位), "classified_user" (涉密成果使用单位), "both".
const std::vector<std::string>& unitCategories();
// "power" (电力), "geology_mining" (地矿), "water" (水利), "transport" (交通), "other".
const std::vector<std::string>& industries();
std::string categoryLabelZh(const std::string& category);
std::string industryLabelZh(const std::string& industry);

struct SupervisedUnit {
    std::string creditCode; // 统一社会信用代码, checked, upper case
    std::string name;
    std::string category;
    std::string grade; // 资质等级, free text ("甲级", "乙级", …)
    std::string industry;
    std::string address, contact;
    bool nonLocal = false; // from outside the bureau's area
};

struct Inspector {
    std::string name;
    std::vector<std::string> conflicts; // credit codes of units they must not check
};

struct ParsedRegister {
    std::vector<SupervisedUnit> units;
    std::vector<records::ImportProblem> problems;
};
struct ParsedInspectors {
    std::vector<Inspector> inspectors;
    std::vector<records::ImportProblem> problems;
};

// A register sheet (.csv or .xlsx). Headers in Chinese or English:
// 单位名称/name, 统一社会信用代码/credit_code, 类别/category, 资质等级/grade,
// 行业/industry, 地址/address, 联系人/contact, 外地单位/non_local. Category and
// industry in Chinese or as codes; 外地单位 是/否, yes/no, 1/0. Every problem is
// collected with its row and column.
ParsedRegister parseRegisterFile(const std::filesystem::path& path);
// 姓名/name, 回避单位/conflicts (credit codes separated by ';').
ParsedInspectors parseInspectorFile(const std::filesystem::path& path);

// All or nothing; a unit is known by its credit code (a re-import updates it).
records::ImportCounts importRegister(records::RecordsDb& db,
                                     const std::vector<SupervisedUnit>& units);
records::ImportCounts importInspectors(records::RecordsDb& db,
                                       const std::vector<Inspector>& inspectors);
std::vector<SupervisedUnit> supervisedUnits(records::RecordsDb& db); // by credit code
std::vector<Inspector> inspectors(records::RecordsDb& db);           // by name

} // namespace mapaudit::security
