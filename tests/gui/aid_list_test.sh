#!/usr/bin/env bash
# A real window shows the bundled aids: the first thing a patient or clinician sees.
source "$(dirname "$0")/lib.sh"
start_app || { finish; exit 1; }
shot aid-list
expect_text aid-list "Choose a decision aid"
expect_text aid-list "Atrial fibrillation"
expect_text aid-list "There are 5 decision aids"
stop_app

start_app --locale cy || { finish; exit 1; }
shot aid-list-cy
expect_text aid-list-cy "Dewiswch gymorth penderfynu"
expect_text aid-list-cy "Mae 5 cymorth penderfynu"
stop_app
finish
