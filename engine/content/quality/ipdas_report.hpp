// The IPDAS qualifying and certification items: ipdas_items() is declared in quality_checks.hpp.
// This header exists only to name the item list's source for readers of the code.
//
// Items: IPDASi v4.0, as reduced to minimum standards by Joseph-Williams N, Newcombe R, Politi M, et al.
// Toward minimum standards for certifying patient decision aids: a modified Delphi consensus process.
// Med Decis Making 2014;34(6):699-710: 6 qualifying criteria (1.1.1–1.2.1), without which a tool is not a
// decision aid, and 10 certification criteria (2.1.1–2.4.4, of which 2.4.x apply only to screening tests),
// without which it has a high risk of harmful bias. The items' wording follows the IPDASi v4.0 item
// list as printed in Table 2 of an appraisal of Choosing Wisely Canada patient materials (BMJ Open
// 2016;6:e011918).
#pragma once
#include "engine/content/quality/quality_checks.hpp"
