"""Walk-around inspection (巡检): templates, rounds, scores, corrective actions. No Qt here."""
