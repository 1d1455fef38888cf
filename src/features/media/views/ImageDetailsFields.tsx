import { mediaLimits } from '../media-service.js';

export interface ImageDetailsValues {
  alt: string;
  credit: string;
  caption: string;
}

/** The alt, credit and caption fields, shared by the upload form and the edit page; the values typed are kept after a refusal. */
export function ImageDetailsFields({ values, idPrefix }: { values: ImageDetailsValues; idPrefix: string }) {
  return (
    <>
      <div class="nr-field">
        <label for={`${idPrefix}-alt`}>متن جایگزین (alt)</label>
        <textarea
          id={`${idPrefix}-alt`}
          name="alt"
          rows={2}
          maxLength={mediaLimits.alt}
          required
          aria-describedby={`${idPrefix}-alt-hint`}
        >
          {values.alt}
        </textarea>
        <p class="nr-hint" id={`${idPrefix}-alt-hint`}>
          آنچه در عکس دیده می‌شود، برای خواننده‌ای که آن را نمی‌بیند؛ مثلاً «کشاورزان در حال برداشت برنج در
          مزرعه‌ای در آمل».
        </p>
      </div>
      <div class="nr-field">
        <label for={`${idPrefix}-credit`}>اعتبار (عکاس یا منبع)</label>
        <input
          id={`${idPrefix}-credit`}
          name="credit"
          type="text"
          maxLength={mediaLimits.credit}
          required
          value={values.credit}
        />
      </div>
      <div class="nr-field">
        <label for={`${idPrefix}-caption`}>شرح عکس (اختیاری)</label>
        <textarea id={`${idPrefix}-caption`} name="caption" rows={2} maxLength={mediaLimits.caption}>
          {values.caption}
        </textarea>
      </div>
    </>
  );
}
