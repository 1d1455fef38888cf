import { roleNames } from '../../../platform/views/NewsroomLayout.js';
import { type Role, roles } from '../user.js';

/** A role picker with the roles' Persian names; the value sent is the code name. */
export function RoleSelect(props: { id: string; value: string; label?: string }) {
  return (
    <select id={props.id} name="role" aria-label={props.label}>
      {roles.map((role: Role) => (
        <option key={role} value={role} selected={role === props.value}>
          {roleNames[role]}
        </option>
      ))}
    </select>
  );
}
