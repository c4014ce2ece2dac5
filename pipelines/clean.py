"""PLACEHOLDER until the cleaning module lands: only the escaped dollar is fixed."""

def clean_text(raw: str) -> str:
    return raw.replace("\\$", "$").replace("\r\n", "\n")
