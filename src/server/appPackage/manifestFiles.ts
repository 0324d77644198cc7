import { asArray, asObject } from "./jsonPath.js";

/** A file the manifest points at, and the field that points at it (for messages). */
export interface FileReference {
  field: string;
  file: string;
}

/**
 * Every package file a manifest refers to by relative path (the schema's `relativePath` fields
 * this app can use). Teams resolves them inside the zip, so each must be in it.
 */
export function referencedFiles(manifest: unknown): FileReference[] {
  const m = asObject(manifest);
  const refs: FileReference[] = [];
  const add = (field: string, value: unknown) => {
    if (typeof value === "string") refs.push({ field, file: value });
  };
  const icons = asObject(m?.icons);
  add("icons.color", icons?.color);
  add("icons.outline", icons?.outline);
  add("icons.color32x32", icons?.color32x32);
  const localization = asObject(m?.localizationInfo);
  add("localizationInfo.defaultLanguageFile", localization?.defaultLanguageFile);
  asArray(localization?.additionalLanguages).forEach((language, i) => {
    add(`localizationInfo.additionalLanguages[${i}].file`, asObject(language)?.file);
  });
  asArray(m?.configurableTabs).forEach((tab, i) => {
    add(`configurableTabs[${i}].sharePointPreviewImage`, asObject(tab)?.sharePointPreviewImage);
  });
  asArray(m?.composeExtensions).forEach((extension, i) => {
    const ext = asObject(extension);
    add(`composeExtensions[${i}].apiSpecificationFile`, ext?.apiSpecificationFile);
    asArray(ext?.commands).forEach((command, j) => {
      add(
        `composeExtensions[${i}].commands[${j}].apiResponseRenderingTemplateFile`,
        asObject(command)?.apiResponseRenderingTemplateFile,
      );
    });
  });
  return refs;
}

/** Whether a referenced path stays inside the package (no absolute paths, no `..`). */
export function isSafePackagePath(file: string): boolean {
  return file.length > 0 && !file.startsWith("/") && !file.includes("\\") && !file.split("/").includes("..");
}
